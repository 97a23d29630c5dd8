import { createHash } from "node:crypto";
import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";
import { LOGGED_MESSAGE_TYPE } from "@/lib/domain/issueTitle";

/** Our severity → Sentry's level (the reverse of lib/sentry/mapLevel.ts). */
const LEVELS: Record<string, string> = { critical: "fatal", high: "error", medium: "warning", low: "info" };

/** Our languages → Sentry platform names; one Sentry does not name (Lua, OCaml, Julia, Zig, Crystal, Nim) is "other". */
const PLATFORMS: Partial<Record<Language, string>> = {
  javascript: "javascript", python: "python", java: "java", go: "go", ruby: "ruby", dotnet: "csharp", php: "php",
  rust: "rust", elixir: "elixir", dart: "dart", native: "native", perl: "perl", haskell: "haskell",
};

/**
 * A Sentry event id is 32 hex digits. Ours may be any id-like string: hex ids are kept, others are
 * hashed, so a retried delivery always carries the same id and Sentry drops the repeat.
 */
export function sentryEventId(eventId: string): string {
  const hex = eventId.replaceAll("-", "").toLowerCase();
  if (/^[0-9a-f]{32}$/.test(hex)) return hex;
  return createHash("sha256").update(eventId).digest("hex").slice(0, 32);
}

/** The Sentry event (as SDKs send it) for a forwarded event. */
export function toSentryEvent(event: ForwardedEvent): Record<string, unknown> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(event.tags)) tags[key.slice(0, 32)] = String(value).slice(0, 200);
  Object.assign(tags, { "faultline.category": event.category, "faultline.group": event.groupId, "faultline.source": event.source });
  const isMessage = event.type === LOGGED_MESSAGE_TYPE;
  return {
    event_id: sentryEventId(event.eventId),
    timestamp: Date.parse(event.occurredAt) / 1000,
    platform: PLATFORMS[languageOfPlatform(event.platform)] ?? "other",
    level: LEVELS[event.severity] ?? "error",
    logger: "faultline",
    ...(event.environment && { environment: event.environment }),
    ...(event.release && { release: event.release }),
    ...(event.userId && { user: { id: event.userId } }),
    tags,
    extra: { ...event.metadata, faultline: { eventId: event.eventId, groupId: event.groupId, parentEventId: event.parentEventId, recovery: event.recovery } },
    ...(isMessage
      ? { message: { formatted: event.message } }
      : {
          exception: {
            values: [
              {
                type: event.type,
                value: event.message,
                ...(event.frames.length > 0 && { stacktrace: { frames: event.frames.map(toSentryFrame) } }),
              },
            ],
          },
        }),
    sdk: { name: "faultline.forwarder", version: "1.0.0" },
  };
}

function toSentryFrame(frame: Frame): Record<string, unknown> {
  return {
    ...(frame.function && { function: frame.function }),
    ...(frame.module && { module: frame.module }),
    ...(frame.filename && { filename: frame.filename }),
    ...(frame.absPath && { abs_path: frame.absPath }),
    ...(frame.lineno !== undefined && { lineno: frame.lineno }),
    ...(frame.colno !== undefined && { colno: frame.colno }),
    ...(frame.inApp !== undefined && { in_app: frame.inApp }),
    ...(frame.contextLine && { context_line: frame.contextLine }),
  };
}

/**
 * An envelope of one `event` item: header line (event_id, sent_at, dsn), item header with the
 * payload's byte length, payload. Frames are outermost first, as Sentry wants them.
 */
export function buildSentryEnvelope(event: ForwardedEvent, dsn: string, sentAt: Date): string {
  const payload = JSON.stringify(toSentryEvent(event));
  const header = JSON.stringify({ event_id: sentryEventId(event.eventId), sent_at: sentAt.toISOString(), dsn, sdk: { name: "faultline.forwarder", version: "1.0.0" } });
  const itemHeader = JSON.stringify({ type: "event", content_type: "application/json", length: Buffer.byteLength(payload) });
  return `${header}\n${itemHeader}\n${payload}\n`;
}
