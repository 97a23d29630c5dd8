import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { asArray, asObject, clipText, type JsonObject } from "@/lib/sentry/coerce";
import type { DebugImage } from "@/lib/sentry/debugImages";
import { mapStacktrace } from "@/lib/sentry/mapFrames";

/** Threads kept per event (an Android process runs dozens; the ones that matter come first). */
export const MAX_THREADS = 64;
/** Frames kept per thread, innermost first: where it is stuck or what it holds. */
export const MAX_THREAD_FRAMES = 100;
/**
 * Frames kept over all threads: they are stored with the event's metadata, which ingest walks within
 * a node budget (lib/ingest/scrub.ts); threads past it keep their name and state only.
 */
export const MAX_ALL_THREAD_FRAMES = 400;
/** Locks listed per thread (a Java thread's `held_locks`). */
const MAX_LOCKS = 8;
const MAX_THREAD_ID = 64;
const MAX_THREAD_NAME = 256;
const MAX_THREAD_STATE = 64;
const MAX_LOCK_TEXT = 256;

/** Sentry's lock reason types (`held_locks[].type`), a bit each. */
const LOCK_KINDS: [number, ThreadLock["kind"]][] = [
  [1, "locked"],
  [2, "waiting"],
  [4, "sleeping"],
  [8, "blocked"],
];

/** A lock a Java thread holds or waits for (sentry-java's ANR threads). */
export interface ThreadLock {
  kind: "locked" | "waiting" | "sleeping" | "blocked";
  /** The lock object's class, e.g. "java.lang.Object". */
  className?: string;
  address?: string;
  /** The thread holding it, when it is another's. */
  threadId?: string;
}

/** One thread of an event as stored in `context.sentry.threads`. */
export interface StoredThread {
  id?: string;
  name?: string;
  /** As the SDK wrote it ("Runnable", "Blocked", "TIMED_WAITING"…). */
  state?: string;
  crashed?: boolean;
  current?: boolean;
  main?: boolean;
  /** Its stack is the event's (shown as the exception's frames, not stored twice). */
  isEventStack?: boolean;
  /** Outermost call first, like every stored stack. */
  frames?: Frame[];
  /** Frames left out (past MAX_THREAD_FRAMES, or past MAX_ALL_THREAD_FRAMES over all threads). */
  framesOmitted?: number;
  locks?: ThreadLock[];
}

/** `threads: { values: [...] }` or a bare list: the thread objects. */
export function threadValues(threads: unknown): JsonObject[] {
  return (asArray(threads) ?? asArray(asObject(threads)?.values) ?? []).map(asObject).filter((t): t is JsonObject => t !== undefined);
}

/**
 * The thread whose stack is the event's when the exception carries none (Cocoa, Android ANRs,
 * native crashes): the one `threadId` names, else the crashed one, the current one, the first with a
 * stack. Grouping keys on it.
 */
export function eventThread(threads: unknown, threadId: unknown): JsonObject | undefined {
  const list = threadValues(threads).filter((t) => asObject(t.stacktrace) !== undefined);
  const named = threadId === undefined || threadId === null ? undefined : list.find((t) => t.id !== undefined && String(t.id) === String(threadId));
  return named ?? list.find((t) => t.crashed === true) ?? list.find((t) => t.current === true) ?? list[0];
}

/**
 * Every thread of the event, for reading (never for grouping): the crashed thread first, then the
 * current one, then the rest in the SDK's order; at most MAX_THREADS, each with its innermost
 * MAX_THREAD_FRAMES frames (without local variables or surrounding source lines) and at most
 * MAX_ALL_THREAD_FRAMES over all. `eventStack`, the thread whose stack became the event's, is marked
 * and keeps no copy of its frames. Undefined when the event lists no thread.
 */
export function mapThreads(threads: unknown, images: DebugImage[], eventStack: JsonObject | undefined): StoredThread[] | undefined {
  const list = threadValues(threads);
  if (list.length === 0) return undefined;
  const rank = (t: JsonObject) => (t.crashed === true ? 0 : t.current === true ? 1 : 2);
  const ordered = list.map((thread, index) => ({ thread, index })).sort((a, b) => rank(a.thread) - rank(b.thread) || a.index - b.index);
  let budget = MAX_ALL_THREAD_FRAMES;
  return ordered.slice(0, MAX_THREADS).map(({ thread }) => {
    const out = threadHeader(thread);
    const sent = asArray(asObject(thread.stacktrace)?.frames)?.length ?? 0;
    if (thread === eventStack) return { ...out, isEventStack: true };
    const limit = Math.min(MAX_THREAD_FRAMES, budget);
    // Only the innermost frames that can be kept are mapped (demangling and all): a 64-thread dump of
    // 500 frames each would otherwise map 32,000 frames to keep 400.
    const stack = asObject(thread.stacktrace);
    const rawFrames = asArray(stack?.frames);
    const innermost = limit > 0 && stack && rawFrames ? { ...stack, frames: rawFrames.slice(-limit) } : undefined;
    const kept = innermost ? (mapStacktrace(innermost, images) ?? []).map(plainFrame).slice(-limit) : [];
    budget -= kept.length;
    if (kept.length > 0) out.frames = kept;
    if (sent > kept.length) out.framesOmitted = sent - kept.length;
    return out;
  });
}

function threadHeader(thread: JsonObject): StoredThread {
  const out: StoredThread = {};
  const id = clipText(thread.id, MAX_THREAD_ID);
  if (id !== undefined) out.id = id;
  const name = clipText(thread.name, MAX_THREAD_NAME);
  if (name !== undefined) out.name = name;
  const state = clipText(thread.state, MAX_THREAD_STATE);
  if (state !== undefined) out.state = state;
  for (const flag of ["crashed", "current", "main"] as const) if (thread[flag] === true) out[flag] = true;
  const locks = locksOf(thread.held_locks);
  if (locks.length > 0) out.locks = locks;
  return out;
}

/** `held_locks`: `{ "<address>": { type, address, package_name, class_name, thread_id } }`. */
function locksOf(raw: unknown): ThreadLock[] {
  const values = Object.values(asObject(raw) ?? {}).map(asObject).filter((l): l is JsonObject => l !== undefined);
  return values.slice(0, MAX_LOCKS).flatMap((lock): ThreadLock[] => {
    const type = typeof lock.type === "number" ? lock.type : 0;
    const kind = LOCK_KINDS.find(([bit]) => (type & bit) !== 0)?.[1];
    if (!kind) return [];
    const pkg = clipText(lock.package_name, MAX_LOCK_TEXT);
    const cls = clipText(lock.class_name, MAX_LOCK_TEXT);
    const out: ThreadLock = { kind };
    if (cls) out.className = pkg ? `${pkg}.${cls}` : cls;
    const address = clipText(lock.address, MAX_THREAD_ID);
    if (address) out.address = address;
    const threadId = clipText(lock.thread_id, MAX_THREAD_ID);
    if (threadId) out.threadId = threadId;
    return [out];
  });
}

/** A thread's frame without its variables and surrounding source lines: the list is for finding where each thread is. */
function plainFrame(frame: Frame): Frame {
  const { vars: _vars, preContext: _pre, postContext: _post, ...rest } = frame;
  void _vars;
  void _pre;
  void _post;
  return rest;
}
