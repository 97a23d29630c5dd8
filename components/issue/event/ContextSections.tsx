import { formatDistanceStrict } from "date-fns";
import Link from "next/link";
import type { EventView } from "@/lib/errors/events/getEvent";
import { displayValue, KeyValueTable } from "@/components/ui/KeyValueTable";
import { Section } from "@/components/ui/Section";
import { tagFilterText } from "@/lib/search/formatSearch";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";

/** Tags as chips; each opens the Issues page filtered to issues with that tag value, over all time (the event may be older than any timeframe). */
export function TagsSection({ tags, workspaceId }: { tags: EventView["tags"]; workspaceId: string }) {
  if (tags.length === 0) return null;
  return (
    <Section id="tags-title" title="Tags of this event">
      <ul className="flex flex-wrap gap-1.5" data-testid="event-tags">
        {tags.map(([key, value]) => {
          const term = tagFilterText(key, value);
          return (
            // A flex item as wide as the list at most, so a long value (a URL) is cut instead of widening the page.
            <li key={`${key}=${value}`} className="min-w-0 max-w-full">
              <Link
                href={`/errors?ws=${workspaceId}&tf=all&query=${encodeURIComponent(term)}`}
                className="inline-flex max-w-full items-center overflow-hidden rounded-md text-xs ring-1 ring-gray-300 hover:ring-blue-400 dark:ring-gray-700"
                title={`Issues with ${term}`}
              >
                <span className="shrink-0 bg-gray-100 px-1.5 py-0.5 font-mono text-gray-600 dark:bg-gray-800 dark:text-gray-400">{key}</span>
                <span className="min-w-0 truncate px-1.5 py-0.5 font-mono text-gray-900 dark:text-gray-100">{value}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

const CONTEXT_TITLES: Record<string, string> = { browser: "Browser", os: "Operating system", device: "Device", runtime: "Runtime", app: "App", trace: "Trace", culture: "Culture", cloud_resource: "Cloud" };

/** Runtime, OS, browser, device and any other context the SDK sent, one small table each. */
export function ContextsSection({ contexts }: { contexts: EventView["contexts"] }) {
  const entries = Object.entries(contexts);
  if (entries.length === 0) return null;
  return (
    <Section id="contexts-title" title="Contexts">
      <div className="grid gap-4 sm:grid-cols-2" data-testid="contexts">
        {entries.map(([name, values]) => (
          <div key={name} data-testid={`context-${name}`}>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{CONTEXT_TITLES[name] ?? name}</h3>
            <KeyValueTable rows={Object.entries(values).filter(([k]) => k !== "type").map(([k, v]) => [k, displayValue(v)])} />
          </div>
        ))}
      </div>
    </Section>
  );
}

/** What the application logged when it caught the exception (a Sentry logging integration's message), and which logger. */
export function LogSection({ log }: { log: EventView["log"] }) {
  if (!log?.message) return null;
  return (
    <Section id="log-title" title="Logged message">
      <pre className="whitespace-pre-wrap break-words font-mono text-sm text-gray-900 dark:text-gray-100" data-testid="event-log-message">
        {log.message}
      </pre>
      {log.logger && <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">logger <span className="font-mono">{log.logger}</span></p>}
    </Section>
  );
}

/** Who hit it. */
export function UserSection({ user }: { user: EventView["user"] }) {
  if (!user) return null;
  return (
    <Section id="user-title" title="User">
      <KeyValueTable rows={Object.entries(user).map(([k, v]) => [k, displayValue(v)])} testId="event-user" />
    </Section>
  );
}

/** Release, environment, SDK and the event's identifiers. */
export function EventFactsSection({ event }: { event: EventView }) {
  const zone = useTimeZone();
  // ISO instants (what logs and other tools print), and the person's own clock when it is not UTC's.
  const local = zone === "UTC" ? "" : ` · ${exactTime(event.occurredAt, zone)}`;
  const rows: [string, string][] = [
    ["event id", event.eventId],
    ["occurred", `${event.occurredAt}${local} (received ${event.receivedAt})`],
    ...(event.timestampCorrection ? [["timestamp", correctionText(event.timestampCorrection)] as [string, string]] : []),
    // The distribution (a build of the release) beside it, as Sentry shows "1.2.0 (4217)".
    ["release", event.release ? `${event.release}${event.dist ? ` (dist ${event.dist})` : ""}` : event.dist ? `— (dist ${event.dist})` : "—"],
    ["environment", event.environment ?? "—"],
    // "unknown" is what ingest stores when the event named no platform: shown as absent, like the others.
    ["platform", event.platform && event.platform !== "unknown" ? event.platform : "—"],
    ["level", event.severity],
  ];
  if (event.proguard) rows.push(["ProGuard", proguardText(event.proguard)]);
  if (event.nativeSymbols) rows.push(["symbols", nativeSymbolsText(event.nativeSymbols)]);
  if (event.sdk) rows.push(["sdk", `${event.sdk.name ?? "unknown"} ${event.sdk.version ?? ""}`.trim()]);
  if (event.sdk?.integrations.length) rows.push(["integrations", event.sdk.integrations.join(", ")]);
  if (event.runId) rows.push(["run", event.runId]);
  if (event.traceId) rows.push(["trace", event.traceId]);
  if (event.agentId) rows.push(["agent", event.agentId]);
  if (event.recovery) rows.push(["recovery", `${event.recovery.recovered ? "recovered" : "failed"}${event.recovery.method ? ` by ${event.recovery.method}` : ""}${event.recovery.durationMs !== null ? ` in ${event.recovery.durationMs} ms` : ""}`]);
  return (
    <Section id="facts-title" title="Release, environment and SDK">
      <KeyValueTable rows={rows} testId="event-facts" />
    </Section>
  );
}

/** Whether an obfuscated event's frames were retraced, and which mapping to upload when not. */
function proguardText(proguard: NonNullable<EventView["proguard"]>): string {
  if (proguard.missing.length > 0) return `obfuscated: no mapping uploaded for ${proguard.missing.join(", ")} (sentry-cli upload-proguard; Settings → ProGuard / R8 mappings)`;
  if (proguard.retracedWhenViewed.length > 0)
    return `retraced for reading with mapping ${proguard.retracedWhenViewed.join(", ")}, uploaded after the event arrived: it is grouped on its obfuscated frames`;
  return `retraced with mapping ${proguard.uuids.join(", ")}`;
}

/** Which binaries' symbols named a native event's frames, and which to upload when some had none. */
function nativeSymbolsText(symbols: NonNullable<EventView["nativeSymbols"]>): string {
  const used = symbols.symbolicated.length > 0 ? `symbolicated with ${symbols.symbolicated.join(", ")}` : "";
  const late =
    symbols.symbolicatedWhenViewed.length > 0 ? `symbolicated for reading with ${symbols.symbolicatedWhenViewed.join(", ")}, uploaded after the event arrived: it is grouped on its addresses` : "";
  const missing = symbols.missing.length > 0 ? `no symbols uploaded for ${symbols.missing.join(", ")} (a Breakpad .sym: sentry-cli debug-files upload)` : "";
  return [used, late, missing].filter(Boolean).join("; ");
}

/** What the SDK's timestamp said and why the event is dated otherwise. */
function correctionText(correction: NonNullable<EventView["timestampCorrection"]>): string {
  const sent = `sent as ${correction.sent}`;
  if (correction.reason === "too_old") return `${sent}, more than 30 days before it was received: dated when received`;
  if (correction.reason === "in_future") return `${sent}, ahead of when it was received: dated when received`;
  const drift = correction.driftSeconds ?? 0;
  const size = formatDistanceStrict(0, Math.abs(drift) * 1000);
  return `${sent}; the device clock was ${size} ${drift >= 0 ? "behind" : "ahead"}, so its times were moved by that much`;
}

/** What the native API's context / metadata and Sentry's `extra` carried. */
export function ExtraSection({ extra }: { extra: EventView["extra"] }) {
  if (!extra) return null;
  return (
    <Section id="extra-title" title="Additional data">
      <KeyValueTable rows={Object.entries(extra).map(([k, v]) => [k, displayValue(v)])} testId="event-extra" />
    </Section>
  );
}

/** Events of other issues this one was caused by or caused (native parentEventId). */
export function RelatedEventsSection({ related }: { related: EventView["related"] }) {
  if (!related.causedBy && related.caused.length === 0) return null;
  return (
    <Section id="related-title" title="Related events">
      <ul className="space-y-1 text-sm">
        {related.causedBy && (
          <li>
            Caused by{" "}
            <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" href={`/errors/${related.causedBy.groupId}?event=${encodeURIComponent(related.causedBy.eventId)}`}>
              {related.causedBy.type}
            </Link>{" "}
            <span className="text-gray-500 dark:text-gray-400">{related.causedBy.message}</span>
          </li>
        )}
        {related.caused.map((c) => (
          <li key={c.eventId}>
            Caused{" "}
            <Link className="font-mono text-blue-700 hover:underline dark:text-blue-400" href={`/errors/${c.groupId}?event=${encodeURIComponent(c.eventId)}`}>
              {c.type}
            </Link>{" "}
            <span className="text-gray-500 dark:text-gray-400">{c.message}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
