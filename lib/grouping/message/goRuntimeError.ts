/**
 * A Go panic's type is always "panic" (or "fatal error"): the runtime error it reports — "index out
 * of range", "invalid memory address or nil pointer dereference", "integer divide by zero" — is what
 * another runtime's exception type would say. Returns that error as grouping keys it (its normalised
 * message: indexes and lengths are placeholders), or undefined when the panic is not the runtime's own
 * (a panic(value) of the application's, keyed by its frames alone as before).
 */
const GO_PANIC_TYPES = new Set(["panic", "fatal error"]);
const RUNTIME_ERROR = /^runtime error: /;

export function goRuntimeErrorKind(type: string, normalisedMessage: string): string | undefined {
  return GO_PANIC_TYPES.has(type.trim()) && RUNTIME_ERROR.test(normalisedMessage) ? normalisedMessage : undefined;
}
