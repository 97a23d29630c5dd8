import { fitJson, jsonSize } from "./budget.js";
import { debugIdsFor } from "./debugIds.js";
import type { ThrownDescription } from "./describeThrown.js";
import { isValidEventId, newEventId } from "./eventId.js";
import { normalizeRecord } from "./normalize.js";
import type { Scope } from "./scope.js";
import { toSeverity } from "./severity.js";
import type { CaptureContext, EventException, FaultlineEvent, FaultlineOptions, User } from "./types.js";

export interface EventDefaults {
  options: Pick<FaultlineOptions, "environment" | "release" | "tags">;
  scope: Scope;
  /** Runtime facts (runtime name and version, page URL…) put under context.runtime. */
  runtime: Record<string, unknown>;
}

/** One event from what was thrown (or a message), the client's scope and the call's additions. */
export function buildEvent(thrown: ThrownDescription, capture: CaptureContext, defaults: EventDefaults, at: Date = new Date()): FaultlineEvent {
  const { options, scope } = defaults;
  const user: User | undefined = capture.user ?? scope.user;
  const context: Record<string, unknown> = {
    ...scope.contexts,
    runtime: defaults.runtime,
    ...(user && { user }),
    ...(thrown.thrown !== undefined && { thrown: thrown.thrown }),
    ...capture.context,
  };
  const event: FaultlineEvent = {
    eventId: capture.eventId ?? newEventId(),
    type: thrown.type,
    message: thrown.message,
    stackTrace: thrown.stack,
    ...(thrown.linked && {
      exceptions: [{ type: thrown.type, message: thrown.message }, ...thrown.linked.map(({ type, message, stack, relation }) => ({ type, message, stackTrace: stack, relation }))],
    }),
    severity: toSeverity(capture.severity),
    category: capture.category,
    source: capture.source,
    occurredAt: at.toISOString(),
    userId: userIdOf(user),
    agentId: capture.agentId,
    runId: capture.runId,
    environment: options.environment,
    release: options.release,
    platform: "javascript",
    debugIds: debugIdsFor([thrown.stack, ...(thrown.linked ?? []).map((l) => l.stack)]),
    tags: { ...options.tags, ...scope.tags, ...capture.tags },
    context: normalizeRecord(context),
    metadata: normalizeRecord(capture.metadata),
    fingerprint: capture.fingerprint,
    parentEventId: capture.parentEventId,
    impact: capture.impact,
    recovery: capture.recovery,
  };
  return clampEvent(event);
}

/**
 * How large an event's parts may be. The server takes 1 MiB per event (README, "over 1 MiB per
 * event … 413"); the error itself — type, message, its stack trace — always fits its own limits,
 * and the rest shares what is left well under that.
 */
interface Limits {
  /** Tags, context and metadata together, in bytes of JSON. */
  freeForm: number;
  /** Of which tags at most (the tags past it are left out, their count in metadata.droppedTags). */
  tags: number;
  /** The linked exceptions' stack traces together, in characters. */
  linkedStacks: number;
}

/** Every event: ≈ 256 KiB of free-form data beside the error's own fields. */
const LIMITS: Limits = { freeForm: 256 * 1024, tags: 16 * 1024, linkedStacks: 262_144 };
/** An event the server still refused as too large (413): sent once more with this little. */
const SHRUNK_LIMITS: Limits = { freeForm: 16 * 1024, tags: 4 * 1024, linkedStacks: 32 * 1024 };

/**
 * At most 20 entries, each within the server's lengths; the first one is the event itself (its type
 * and message, as beforeSend may have changed them). The linked ones' traces share `stackBudget`.
 */
function clampExceptions(exceptions: unknown, raised: Pick<FaultlineEvent, "type" | "message">, stackBudget: number): FaultlineEvent["exceptions"] {
  if (!Array.isArray(exceptions) || exceptions.length === 0) return undefined;
  let stackLeft = stackBudget;
  return exceptions.slice(0, 20).map((raw: Partial<EventException> | null | undefined, i) => {
    if (i === 0) return { type: raised.type, message: raised.message };
    const e: EventException = { type: short(raw?.type, 256) ?? "Error", message: cut(String(raw?.message ?? ""), 8192) };
    if (typeof raw?.stackTrace === "string" && raw.stackTrace && stackLeft > 0) {
      e.stackTrace = cut(raw.stackTrace, Math.min(262_144, stackLeft));
      stackLeft -= e.stackTrace.length;
    }
    if (raw?.relation === "cause" || raw?.relation === "member") e.relation = raw.relation;
    return e;
  });
}

function userIdOf(user: User | undefined): string | undefined {
  const id = user?.id ?? user?.email ?? user?.username;
  return id === undefined || id === null ? undefined : String(id);
}

const recordOrUndefined = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const short = (value: unknown, max: number) => {
  if (value === undefined || value === null) return undefined;
  const text = cut(String(value).trim(), max);
  return text ? text : undefined;
};

/**
 * Makes an event fit the server's schema (lengths, shapes) and its size limit, so that nothing is
 * refused for being too long: fields are shortened or dropped, never the event — the free-form
 * parts (tags, context, metadata) share a budget of ≈ 256 KiB (see fitJson), the error's type,
 * message and stack trace keep the server's own limits. Applied again after beforeSend.
 */
export function clampEvent(event: FaultlineEvent): FaultlineEvent {
  return clampWithin(event, LIMITS);
}

/**
 * The event cut down further, for a second try after the server refused it as too large (413):
 * free-form parts within ≈ 16 KiB, the linked exceptions' traces within 32 KiB.
 */
export function shrinkEvent(event: FaultlineEvent): FaultlineEvent {
  return clampWithin(event, SHRUNK_LIMITS);
}

function clampWithin(event: FaultlineEvent, limits: Limits): FaultlineEvent {
  const out: FaultlineEvent = {
    eventId: isValidEventId(event.eventId) ? event.eventId : newEventId(),
    type: short(event.type, 256) ?? "Error",
    message: cut(String(event.message ?? ""), 8192),
    occurredAt: Number.isNaN(Date.parse(event.occurredAt)) ? new Date().toISOString() : event.occurredAt,
  };
  if (typeof event.stackTrace === "string" && event.stackTrace) out.stackTrace = cut(event.stackTrace, 262_144);
  const exceptions = clampExceptions(event.exceptions, out, limits.linkedStacks);
  if (exceptions) out.exceptions = exceptions;
  if (event.severity && ["low", "medium", "high", "critical"].includes(event.severity)) out.severity = event.severity;
  const texts = [
    ["category", 64],
    ["source", 64],
    ["userId", 256],
    ["agentId", 256],
    ["runId", 256],
    ["environment", 64],
    ["release", 256],
    ["platform", 64],
  ] as const;
  for (const [field, max] of texts) {
    const value = short(event[field], max);
    if (value !== undefined) out[field] = value;
  }
  let tagBytes = 0;
  let droppedTags = 0;
  if (event.tags) {
    const tags: NonNullable<FaultlineEvent["tags"]> = {};
    for (const [key, value] of Object.entries(event.tags)) {
      if (value === undefined || value === null) continue;
      const k = cut(key, 200);
      const v = typeof value === "number" ? (Number.isFinite(value) ? value : String(value)) : typeof value === "boolean" ? value : cut(String(value), 1000);
      const bytes = jsonSize(k) + jsonSize(v) + 2;
      if (tagBytes + bytes > limits.tags) {
        droppedTags++;
        continue;
      }
      tagBytes += bytes;
      tags[k] = v;
    }
    if (Object.keys(tags).length) out.tags = tags;
  }
  if (event.debugIds && typeof event.debugIds === "object") {
    const ids = Object.entries(event.debugIds).filter(([file, id]) => typeof id === "string" && id.length <= 64 && file.length > 0 && file.length <= 2048).slice(0, 200);
    if (ids.length) out.debugIds = Object.fromEntries(ids);
  }
  const freeForm = fitJson({ context: normalizeRecord(event.context) ?? {}, metadata: normalizeRecord(event.metadata) ?? {} }, limits.freeForm - tagBytes - 64) as Record<string, unknown>;
  const context = recordOrUndefined(freeForm.context);
  if (context && Object.keys(context).length) out.context = context;
  const metadata = { ...recordOrUndefined(freeForm.metadata), ...(droppedTags && { droppedTags }) };
  if (Object.keys(metadata).length) out.metadata = metadata;
  if (Array.isArray(event.fingerprint) && event.fingerprint.length) out.fingerprint = event.fingerprint.slice(0, 20).map((f) => cut(String(f), 512));
  if (isValidEventId(event.parentEventId)) out.parentEventId = event.parentEventId;
  if (event.impact) {
    const credits = event.impact.creditsLost;
    const executions = event.impact.executionsAffected;
    const impact: NonNullable<FaultlineEvent["impact"]> = {};
    if (typeof credits === "number" && credits >= 0 && credits <= 1e10) impact.creditsLost = credits;
    if (typeof executions === "number" && Number.isInteger(executions) && executions >= 0 && executions <= 1e9) impact.executionsAffected = executions;
    if (Object.keys(impact).length) out.impact = impact;
  }
  if (event.recovery && typeof event.recovery.recovered === "boolean") {
    const r = event.recovery;
    out.recovery = { recovered: r.recovered };
    const method = short(r.method, 64);
    if (method) out.recovery.method = method;
    if (typeof r.durationMs === "number" && Number.isFinite(r.durationMs)) out.recovery.durationMs = Math.min(2_147_483_647, Math.max(0, Math.round(r.durationMs)));
    if (typeof r.automatic === "boolean") out.recovery.automatic = r.automatic;
  }
  return out;
}
