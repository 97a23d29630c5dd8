import { normalize, truncate } from "./normalize.js";

/** One exception linked to the thrown one: its `cause` (and theirs), or an AggregateError's errors. */
export interface LinkedException {
  type: string;
  message: string;
  stack?: string;
  /** To the exception before it: its `cause`, or one of an AggregateError's `errors` (after the aggregate). */
  relation: "cause" | "member";
}

export interface ThrownDescription {
  type: string;
  message: string;
  stack?: string;
  /**
   * The rest of the chain, outermost first: the `cause` chain (at most 5 deep), then an
   * AggregateError's errors (at most 10), each followed by its own causes; 19 entries at most.
   */
  linked?: LinkedException[];
  /** What was thrown when it was not an Error. */
  thrown?: unknown;
}

const MAX_CAUSE_DEPTH = 5;
const MAX_MEMBERS = 10;
/** The server keeps 20 exceptions per event: the thrown one and 19 more. */
const MAX_LINKED = 19;

/** Type, message and stack of anything that can be thrown (Errors, strings, plain objects…). */
export function describeThrown(value: unknown): ThrownDescription {
  if (isErrorLike(value)) {
    const linked: LinkedException[] = [];
    const seen = new Set<unknown>([value]);
    addCauses(value, linked, seen);
    const members = (value as { errors?: unknown }).errors;
    if (Array.isArray(members)) {
      for (const member of members.slice(0, MAX_MEMBERS)) {
        if (linked.length >= MAX_LINKED || seen.has(member)) break;
        seen.add(member);
        linked.push({ ...describeLinked(member), relation: "member" });
        if (isErrorLike(member)) addCauses(member, linked, seen);
      }
    }
    return { type: errorType(value), message: String(value.message ?? ""), stack: stackOf(value), ...(linked.length && { linked }) };
  }
  if (typeof value === "string") return { type: "Error", message: value };
  if (value && typeof value === "object") {
    const keys = Object.keys(value).slice(0, 10).join(", ");
    return { type: "Error", message: `Non-Error value thrown (keys: ${keys || "none"})`, thrown: normalize(value, 3) };
  }
  return { type: "Error", message: `Non-Error value thrown: ${safeString(value)}` };
}

/** `error`'s cause, the cause's cause… (a cycle or a non-Error cause ends the walk). */
function addCauses(error: ErrorLike, linked: LinkedException[], seen: Set<unknown>): void {
  let cause: unknown = (error as { cause?: unknown }).cause;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && linked.length < MAX_LINKED; depth++) {
    if (cause === undefined || cause === null || seen.has(cause)) return;
    seen.add(cause);
    linked.push({ ...describeLinked(cause), relation: "cause" });
    cause = isErrorLike(cause) ? (cause as { cause?: unknown }).cause : undefined;
  }
}

function describeLinked(value: unknown): Omit<LinkedException, "relation"> {
  if (isErrorLike(value)) return { type: errorType(value), message: String(value.message ?? ""), stack: stackOf(value) };
  return { type: typeof value === "string" ? "Error" : typeof value, message: safeString(value) };
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  if (value instanceof Error) return true;
  return !!value && typeof value === "object" && typeof (value as ErrorLike).message === "string" && typeof (value as ErrorLike).stack === "string";
}

/** `name` when set (a custom class that sets it), else the constructor name, else "Error". */
function errorType(error: ErrorLike): string {
  const name = typeof error.name === "string" ? error.name.trim() : "";
  if (name && name !== "Error") return name;
  const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === "string" && ctor.trim() && ctor !== "Object" ? ctor : name || "Error";
}

function stackOf(error: ErrorLike): string | undefined {
  return typeof error.stack === "string" && error.stack.trim() ? error.stack : undefined;
}

function safeString(value: unknown): string {
  try {
    return truncate(String(value), 1000);
  } catch {
    return "[unprintable]";
  }
}
