import { MAX_CHAIN_LENGTH, MAX_EXCEPTION_MESSAGE_CHARS, MAX_EXCEPTION_TYPE_CHARS, type ExceptionInput } from "@/lib/grouping/chain/ChainException";
import { membersInFixedOrder } from "@/lib/grouping/chain/membersInFixedOrder";
import { parameteriseMessage } from "@/lib/ingest/parameteriseMessage";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { asArray, asObject, asText, clipText, type JsonObject } from "@/lib/sentry/coerce";
import type { DebugImage } from "@/lib/sentry/debugImages";
import { mapStacktrace } from "@/lib/sentry/mapFrames";

/**
 * A Sentry event's exception chain as our `exceptions` (lib/sentry/mapSentryEvent.ts reads the
 * rest of the event): causes, Python's contexts, sentry-java's suppressed exceptions and the
 * members of exception groups, raised first.
 */

/** Raised first, then its cause, the cause's cause…; Python's implicit `__context__` is a "context". */
export function chainOf(values: JsonObject[], type: string, message: string, frames: Frame[] | undefined, images: DebugImage[]): ExceptionInput[] {
  const { ordered, members } = groupMembersInFixedOrder(values.slice().reverse());
  const suppressed = suppressedOf(ordered);
  // Suppressed exceptions (and what they chain) after the cause chain, as the JVM prints them.
  const raisedFirst = [...ordered.filter((e, i) => i === 0 || !suppressed.has(e)), ...ordered.filter((e, i) => i > 0 && suppressed.has(e))].slice(0, MAX_CHAIN_LENGTH);
  return raisedFirst.map((exception, i) => {
    if (i === 0) return compact({ type, module: type === exception.type ? clipText(exception.module, MAX_EXCEPTION_TYPE_CHARS) : undefined, message: clip(message, MAX_EXCEPTION_MESSAGE_CHARS), stackTrace: frames });
    const source = asText(mechanismOf(exception)?.source);
    return compact({
      type: clipText(exception.type, MAX_EXCEPTION_TYPE_CHARS) ?? "Error",
      module: clipText(exception.module, MAX_EXCEPTION_TYPE_CHARS),
      message: clip(asText(exception.value) ?? "", MAX_EXCEPTION_MESSAGE_CHARS),
      stackTrace: mapStacktrace(exception.stacktrace, images),
      relation: suppressed.has(exception) ? ("suppressed" as const) : members.has(exception) ? ("member" as const) : source === "__context__" ? ("context" as const) : ("cause" as const),
    });
  });
}

/**
 * sentry-java lists a `Throwable.getSuppressed()` exception (`mechanism.type` "suppressed", its
 * `parent_id` the exception it was added to) before that exception's cause: it is no cause, and
 * neither is anything chained under it (by parent_id). Shown, never part of the fingerprint.
 */
function suppressedOf(values: JsonObject[]): Set<JsonObject> {
  const isSuppressed = (e: JsonObject) => asText(mechanismOf(e)?.type) === "suppressed";
  const ids = chainedIds(values, values.filter(isSuppressed));
  return new Set(values.filter((e) => isSuppressed(e) || (typeof idOf(e) === "number" && ids.has(idOf(e)))));
}

export const mechanismOf = (e: JsonObject | undefined) => asObject(e?.mechanism);
const idOf = (e: JsonObject) => mechanismOf(e)?.exception_id;
const parentOf = (e: JsonObject) => mechanismOf(e)?.parent_id;

/**
 * The exception ids of `roots` and of everything chained under them, transitively by parent_id
 * (exceptions `eligible` turns down are passed over).
 */
function chainedIds(values: JsonObject[], roots: JsonObject[], eligible: (e: JsonObject) => boolean = () => true): Set<unknown> {
  const ids = new Set<unknown>(roots.map(idOf).filter((id) => typeof id === "number"));
  for (let grew = ids.size > 0; grew; ) {
    grew = false;
    for (const e of values) {
      if (!eligible(e) || typeof idOf(e) !== "number" || ids.has(idOf(e)) || !ids.has(parentOf(e))) continue;
      ids.add(idOf(e));
      grew = true;
    }
  }
  return ids;
}

/**
 * An exception group (Python's ExceptionGroup, JS AggregateError, .NET AggregateException, Go's
 * errors.Join: the raised exception's `mechanism.is_exception_group`) lists its members in the order
 * its tasks happened to fail, and ten tasks failing alike as ten members. Each direct member
 * (`parent_id` the group's `exception_id`, `source` an index such as `exceptions[2]` or `errors[0]`),
 * with everything chained under it, is one block; blocks are deduplicated by their failures
 * (signatureOf) and put in order of them (membersInFixedOrder.ts), so the same failures are one issue
 * whichever task failed first. The group's own cause or context stays right after it. Without the
 * ids nothing moves. Also returns the direct members (what is chained under them relates to them as
 * cause or context).
 */
function groupMembersInFixedOrder(raisedFirst: JsonObject[]): { ordered: JsonObject[]; members: Set<JsonObject> } {
  const [group, ...rest] = raisedFirst;
  const groupId = mechanismOf(group)?.exception_id;
  const unchanged = { ordered: raisedFirst, members: new Set<JsonObject>() };
  if (!group || mechanismOf(group)?.is_exception_group !== true || typeof groupId !== "number") return unchanged;
  const isMember = (e: JsonObject) => parentOf(e) === groupId && /\[\d+\]$/.test(asText(mechanismOf(e)?.source) ?? "");
  const members = rest.filter(isMember);
  if (members.length === 0) return unchanged;
  const blocks = new Map(members.map((member) => [member, [member]]));
  const memberAbove = membersAbove(rest, isMember);
  const own: JsonObject[] = [];
  // The SDKs list the tree depth first (raised first: the group, its own cause, then each member
  // followed by what is chained under it). What follows a member and is chained under no other goes
  // with it: sentry-python gives a member's cause or context the group's id as parent_id.
  let current: JsonObject[] | undefined;
  for (const e of rest) {
    if (isMember(e)) {
      current = blocks.get(e);
      continue;
    }
    const owner = memberAbove(e);
    (owner ? blocks.get(owner)! : (current ?? own)).push(e);
  }
  const ordered = membersInFixedOrder([...blocks.values()].map((block) => ({ key: JSON.stringify(block.map(signatureOf)), block })));
  return { ordered: [group, ...own, ...ordered], members: new Set(members) };
}

/**
 * The member an exception is chained under (transitively by parent_id), if any; each exception is
 * walked once, so a long or cyclic chain costs no more than its length.
 */
function membersAbove(values: JsonObject[], isMember: (e: JsonObject) => boolean): (e: JsonObject) => JsonObject | undefined {
  const byId = new Map<unknown, JsonObject>();
  for (const e of values) if (typeof idOf(e) === "number" && !byId.has(idOf(e))) byId.set(idOf(e), e);
  const found = new Map<JsonObject, JsonObject | undefined>();
  return (start) => {
    const path = new Set<JsonObject>();
    let at: JsonObject | undefined = start;
    let owner: JsonObject | undefined;
    while (at !== undefined && !found.has(at) && !path.has(at)) {
      if (isMember(at)) {
        owner = at;
        break;
      }
      path.add(at);
      at = byId.get(parentOf(at));
    }
    if (owner === undefined && at !== undefined && found.has(at)) owner = found.get(at);
    for (const e of path) found.set(e, owner);
    return owner;
  };
}

/**
 * What identifies a member's failure, whatever values its message names: its type and frames; an
 * exception without frames (Go's errors.New, wrapped by errors.Join) by its type and its message
 * with the values in it parameterised, as nothing else tells "stock is negative" from "price is 0".
 */
function signatureOf(exception: JsonObject): string[] {
  const frames = asArray(asObject(exception.stacktrace)?.frames) ?? [];
  const type = asText(exception.type) ?? "";
  if (frames.length === 0) return [type, parameteriseMessage(asText(exception.value) ?? "")];
  return [type, ...frames.map((f) => {
    const frame = asObject(f);
    return `${asText(frame?.module) ?? asText(frame?.filename) ?? ""}:${asText(frame?.function) ?? ""}:${typeof frame?.lineno === "number" ? frame.lineno : ""}`;
  })];
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Drops undefined members so outputs only carry what the event had. */
function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null)) as T;
}
