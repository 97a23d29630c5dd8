import type { Language } from "@/lib/ingest/stacktrace/frame";
import { splitLines } from "@/lib/ingest/stacktrace/limits";

/** Go: "panic: …" / "fatal error: …" above the first goroutine; a re-panic prints the first one "[recovered]". */
const GO_HEADER = /^\s*(panic|fatal error): (.*?)(?: \[recovered\])?$/;
/** Rust ≥ 1.73: "thread 'main' (123) panicked at src/main.rs:7:5:" then the message on the lines below. */
const RUST_PANIC = /^thread '[^'\n]{0,256}'(?: \(\d{1,20}\))? panicked at (?:'([\s\S]{0,8192})', )?[^\s]{1,2048}:\d{1,9}:\d{1,9}:?$/;
/** What ends a Rust panic's message. */
const RUST_MESSAGE_END = /^(?:stack backtrace:|note: )/;

/**
 * The raised error's type and message as runtimes without an exception header print them: Go's
 * panics and fatal errors, Rust's panics (type "panic", as Sentry's SDKs name them). Undefined when
 * the text has none.
 */
export function runtimeHeader(text: string, language: Language): { type: string; message: string } | undefined {
  if (language === "go") {
    let found: { type: string; message: string } | undefined;
    for (const line of splitLines(text)) {
      if (line.startsWith("goroutine ")) break;
      const m = GO_HEADER.exec(line);
      if (m) found = { type: m[1], message: m[2].trim() };
    }
    return found;
  }
  if (language === "rust") {
    const lines = splitLines(text);
    const at = lines.findIndex((line) => line.startsWith("thread '") && RUST_PANIC.test(line));
    if (at < 0) return undefined;
    const quoted = RUST_PANIC.exec(lines[at])?.[1];
    if (quoted !== undefined) return { type: "panic", message: quoted };
    const end = lines.findIndex((line, i) => i > at && RUST_MESSAGE_END.test(line));
    return { type: "panic", message: lines.slice(at + 1, end < 0 ? undefined : end).join("\n").trim() };
  }
  return undefined;
}
