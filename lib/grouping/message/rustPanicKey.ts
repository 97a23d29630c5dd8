/**
 * A Rust panic is typed "panic" whatever went wrong (the default hook's `panicked at`, sentry-rust's
 * panic integration): its message is what another language's exception type would say. Since
 * 2026-12-09 (review s54) it joins the key, as a Go panic's does (message/goPanicKey.ts): an
 * `unwrap()` on an `Err` and an `attempt to subtract with overflow` in one function are two bugs.
 *
 * Read as an exception type is, not as the whole text: the first line (`assert_eq!` prints the two
 * values on the lines below), and an `Err` value's Debug output reduced to its type —
 * `ParseIntError { kind: InvalidDigit }` / `{ kind: Empty }`, an io::Error's `Os { code: 2, kind:
 * NotFound, … }` / `Os { code: 13, kind: PermissionDenied, … }` vary with the input for one bug, as
 * a Java exception's message does under one type. Numbers and quoted values are placeholders already
 * (normaliseMessage).
 */
const DEBUG_VALUE = /: ([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)\s*[({][\s\S]*$/;

/** The key component of a Rust panic's normalised message, or undefined when the exception is no panic (or says nothing). */
export function rustPanicKey(type: string, normalisedMessage: string): string | undefined {
  if (type.trim() !== "panic") return undefined;
  const firstLine = normalisedMessage.split("\n", 1)[0].trim();
  if (firstLine === "") return undefined;
  return `panic:${firstLine.replace(DEBUG_VALUE, ": $1")}`;
}
