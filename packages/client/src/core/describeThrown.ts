import { normalize, truncate } from "./normalize";

export interface ThrownDescription {
  type: string;
  message: string;
  stack?: string;
  /** The `cause` chain, outermost first (at most 5). */
  causes?: { type: string; message: string; stack?: string }[];
  /** What was thrown when it was not an Error. */
  thrown?: unknown;
}

/** Type, message and stack of anything that can be thrown (Errors, strings, plain objects…). */
export function describeThrown(value: unknown): ThrownDescription {
  if (isErrorLike(value)) {
    const causes: NonNullable<ThrownDescription["causes"]> = [];
    let cause: unknown = (value as { cause?: unknown }).cause;
    const seen = new Set<unknown>([value]);
    while (cause !== undefined && cause !== null && causes.length < 5 && !seen.has(cause)) {
      seen.add(cause);
      const d = isErrorLike(cause) ? { type: errorType(cause), message: String(cause.message ?? ""), stack: stackOf(cause) } : { type: typeof cause, message: safeString(cause) };
      causes.push(d);
      cause = isErrorLike(cause) ? (cause as { cause?: unknown }).cause : undefined;
    }
    return { type: errorType(value), message: String(value.message ?? ""), stack: stackOf(value), ...(causes.length && { causes }) };
  }
  if (typeof value === "string") return { type: "Error", message: value };
  if (value && typeof value === "object") {
    const keys = Object.keys(value).slice(0, 10).join(", ");
    return { type: "Error", message: `Non-Error value thrown (keys: ${keys || "none"})`, thrown: normalize(value, 3) };
  }
  return { type: "Error", message: `Non-Error value thrown: ${safeString(value)}` };
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
