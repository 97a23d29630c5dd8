import type { Language } from "@/lib/ingest/stacktrace/frame";
import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { parsePhpErrorLine } from "@/lib/ingest/stacktrace/phpErrorLine";
import { valgrindHeader } from "@/lib/ingest/stacktrace/valgrind";

/**
 * Go: "panic: …" / "fatal error: …" above the first goroutine; a re-panic prints the first one
 * "[recovered]" and then the new one, or (Go 1.25+, the same value panicking again) once as
 * "[recovered, repanicked]".
 */
const GO_HEADER = /^\s*(panic|fatal error): (.*?)(?: \[recovered(?:, repanicked)?\])?$/;
/** Rust ≥ 1.73: "thread 'main' (123) panicked at src/main.rs:7:5:" then the message on the lines below. */
const RUST_PANIC = /^thread '[^'\n]{0,256}'(?: \(\d{1,20}\))? panicked at (?:'([\s\S]{0,8192})', )?[^\s]{1,2048}:\d{1,9}:\d{1,9}:?$/;
/** C++'s std::terminate on an uncaught exception (libstdc++): the type quoted, the message after "what():". */
const CXX_TERMINATE = /^terminate called after throwing an instance of '([^'\n]{1,512})'$/;
const CXX_WHAT = /^\s*what\(\):\s+(.*)$/;

/** Swift's runtime traps: "App/main.swift:3: Fatal error: msg" (5.9+) or "Fatal error: msg: file App/main.swift, line 3"; Xcode's console prefixes "Thread 1: ". */
const SWIFT_FATAL = /^(?:Thread \d{1,6}: )?(?:\S{1,2048}\.swift:\d{1,9}: )?Fatal error: (.{0,8192}?)(?:: file \S.{0,2047}, line \d{1,9})?$/;

/**
 * Elixir: "** (KeyError) key :total not found in: %{…}" (Exception.format_banner: IEx, mix, Logger's
 * "GenServer X terminating"); "(exit)", "(throw)", "(EXIT from #PID<0.95.0>)" for non-exceptions.
 * Erlang's shell: "** exception error: bad argument" (class error, exit or throw).
 */
const ELIXIR_BANNER = /^\*\* \(([^()\n]{1,256})\) ?(.*)$/;
const ERLANG_EXCEPTION = /^\*\* exception (error|exit|throw): ?(.*)$/;
/** An OTP crash report (`=CRASH REPORT====`): "    exception error: no match of right hand side value {error,timeout}". */
const ERLANG_CRASH_REPORT_EXCEPTION = /^exception (error|exit|throw): ?(.*)$/;
/** The first stacktrace line under an Elixir/Erlang banner: indented four spaces, an application, module or location first. */
const ELIXIR_FRAME = /^ {4,}(?:\(|:|[\w./-]{1,2048}\.(?:ex|exs|erl):\d|nofile|in (?:function|call from) )/;

/**
 * Ruby: a backtrace logged under its exception as "Class: message" (Sidekiq's error handler, Rails'
 * and Rack's loggers print `"#{e.class}: #{e.message}"` and then the backtrace), or as Rails'
 * production.log has it, "Class (message):", rather than the interpreter's "path:line:in 'm': message (Class)".
 */
const RUBY_CLASS_LINE = /^([A-Z]\w{0,127}(?:::[A-Z]\w{0,127}){0,8}): (.*)$/;
/** Rails' production.log: "ActionView::Template::Error (undefined method `name' for nil):" above the backtrace. */
const RAILS_LOG_LINE = /^([A-Z]\w{0,127}(?:::[A-Z]\w{0,127}){0,8}) \(([\s\S]{0,8192})\):$/;
const RUBY_FRAME = /:\d+:in [`']/;

const PHP_UNCAUGHT = /^Uncaught ([A-Za-z_\\][\w\\]{0,255})(?:: ([\s\S]*))?$/;

const PYTHON_FATAL = /^Fatal Python error: (.{1,8192})$/;

/** Kotlin/Native's uncaught exception: "Uncaught Kotlin exception: kotlin.IllegalStateException: order 8812 has no lines". */
const KOTLIN_NATIVE_UNCAUGHT = /^Uncaught Kotlin exception: ([\w$.]{1,256})(?:: ([\s\S]{0,8192}))?$/;

/**
 * A JVM's uncaught exception without a stack ("Exception in thread "pool-1-thread-3"
 * java.lang.OutOfMemoryError: Java heap space": the JVM may print no frames for it), read when no
 * frame told the language. Only a qualified type.
 */
const JVM_UNCAUGHT = /^Exception in thread "[^"\n]{0,256}" ((?:[A-Za-z_$][\w$]{0,127}\.){1,16}[A-Za-z_$][\w$]{0,127})(?:: ?(.{0,8192}))?$/;

/** gdb's stop: "Program terminated with signal SIGSEGV, Segmentation fault." (a core), `Thread 3 "kvd" received signal SIGABRT, Aborted.` */
const GDB_SIGNAL = /^(?:Program terminated with|Program received|Thread \d{1,6}(?: "[^"\n]{0,256}")? received) signal (SIG[A-Z0-9]{1,12}), ([^.\n]{1,256})\.?$/;

/**
 * The sanitizers' reports (clang/gcc -fsanitize=address, memory, leak, hwaddress; ThreadSanitizer's
 * reports other than data races, which raceAccess.ts reads): "==4242==ERROR: AddressSanitizer:
 * heap-use-after-free on address 0x… at pc 0x… bp 0x… sp 0x…", or, with the header cut off, its
 * "SUMMARY: AddressSanitizer: heap-use-after-free /src/a.cpp:42:10 in f()". UndefinedBehaviorSanitizer
 * writes "/src/a.cpp:12:5: runtime error: signed integer overflow: …".
 */
const SANITIZER_HEADER = /^(?:==\d{1,10}==)?(?:ERROR|WARNING): ([A-Za-z]{0,32}Sanitizer): (.{1,2048})$/;
const SANITIZER_SUMMARY = /^SUMMARY: ([A-Za-z]{0,32}Sanitizer): (\S{1,256})/;
/** Where the kind of bug ends in a sanitizer's header: "heap-use-after-free on address …", "SEGV on unknown address …", "allocation-size-too-big: …". */
const SANITIZER_KIND_END = / on | in | at |: | \(/;
/** The access under ASan's header ("READ of size 4 at 0x… thread T0"); for a SEGV, "==4242==The signal is caused by a READ memory access." */
const SANITIZER_ACCESS = /^(?:==\d{1,10}==)?((?:READ|WRITE) of size \d{1,12} at 0x[0-9a-f]{1,16} thread T\d{1,10}|The signal is caused by a \w{1,16} memory access\.|Hint: .{1,256})/;
const UBSAN_RUNTIME_ERROR = /^\S{1,2048}:\d{1,9}:\d{1,9}: runtime error: (.{1,8192})$/;

const TOMBSTONE_SIGNAL = /^signal \d{1,3} \((SIG[A-Z]{2,8})\), code -?\d{1,6}(?: \(([A-Z_]{1,64})\))?/;
const TOMBSTONE_ABORT = /^Abort message: '(.{0,8192})'$/;
const TOMBSTONE_CAUSE = /^Cause: (.{1,8192})$/;

/** What ends a Rust panic's message. */
const RUST_MESSAGE_END = /^(?:stack backtrace:|note: )/;

/**
 * The raised error's type and message as runtimes without an exception header print them: Go's
 * panics and fatal errors, Rust's panics (type "panic", as Sentry's SDKs name them), C++'s uncaught
 * exceptions ("terminate called after throwing an instance of 'std::runtime_error'" / "what(): …"),
 * Swift's runtime traps ("Fatal error: Unexpectedly found nil…"), Elixir's and Erlang's banners
 * ("** (KeyError) …", "** exception error: …"), a logged Ruby backtrace's "Class: message" line,
 * CPython's "Fatal Python error: Segmentation fault", an Android tombstone's "signal 11 (SIGSEGV)", gdb's
 * "Program terminated with signal SIGSEGV, Segmentation fault.", Kotlin/Native's "Uncaught Kotlin
 * exception: kotlin.IllegalStateException: …", PHP's
 * "PHP Warning:  Undefined variable $total in … on line 31" (Xdebug prints its stack under it), the
 * sanitizers' "==4242==ERROR: AddressSanitizer: heap-use-after-free on address …", Valgrind's
 * "==4711== Invalid read of size 4".
 * Undefined when the text has none.
 */
export function runtimeHeader(text: string, language: Language): { type: string; message: string } | undefined {
  // Only these runtimes print such a header: the trace of any other is not split into lines for nothing.
  if (language === "native" || language === "unknown") {
    const lines = splitLines(text);
    return sanitizerHeader(lines) ?? valgrindHeader(lines) ?? jvmUncaughtHeader(lines) ?? terminateHeader(lines) ?? swiftHeader(lines) ?? tombstoneHeader(lines) ?? kotlinNativeHeader(lines) ?? gdbSignalHeader(lines);
  }
  if (language === "go") return goHeader(splitLines(text));
  if (language === "rust") return rustHeader(splitLines(text));
  if (language === "elixir") return elixirHeader(splitLines(text));
  if (language === "ruby") return rubyHeader(splitLines(text));
  if (language === "python") return pythonFatalError(splitLines(text));
  if (language === "php") return phpErrorHeader(splitLines(text));
  return undefined;
}

/** PHP's error line above Xdebug's stack: "PHP Warning:  Undefined variable $total in /x.php on line 31" (phpErrorLine.ts). */
function phpErrorHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const line of lines) {
    const error = parsePhpErrorLine(line.trim());
    if (!error) continue;
    // Xdebug's "Fatal error: Uncaught RuntimeException: declined in /x.php on line 58": the exception.
    const uncaught = PHP_UNCAUGHT.exec(error.message);
    return uncaught ? { type: uncaught[1], message: uncaught[2] ?? "" } : { type: error.level, message: error.message };
  }
  return undefined;
}

/** CPython's fatal errors (faulthandler's dump follows): "Fatal Python error: Segmentation fault". */
function pythonFatalError(lines: readonly string[]): { type: string; message: string } | undefined {
  const m = firstMatch(lines, PYTHON_FATAL);
  return m ? { type: "Fatal Python error", message: m[1].trim() } : undefined;
}

function rubyHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const line of lines) {
    if (RUBY_FRAME.test(line)) return undefined;
    const m = RUBY_CLASS_LINE.exec(line.trim()) ?? RAILS_LOG_LINE.exec(line.trim());
    if (m) return { type: m[1], message: m[2].trim() };
  }
  return undefined;
}

function elixirHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const [at, line] of lines.entries()) {
    const trimmed = line.trim();
    const m = trimmed.startsWith("** ") ? (ELIXIR_BANNER.exec(trimmed) ?? ERLANG_EXCEPTION.exec(trimmed)) : trimmed.startsWith("exception ") ? ERLANG_CRASH_REPORT_EXCEPTION.exec(trimmed) : null;
    if (!m) continue;
    // A process's exit names its pid, different in every run.
    const type = m[1].startsWith("EXIT from ") ? "EXIT" : m[1];
    const end = lines.findIndex((next, i) => i > at && ELIXIR_FRAME.test(next));
    const message = [m[2], ...lines.slice(at + 1, end < 0 ? undefined : end)].join("\n").trim();
    return { type, message };
  }
  return undefined;
}

function goHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  let found: { type: string; message: string } | undefined;
  for (const line of lines) {
    if (line.startsWith("goroutine ")) break;
    const m = GO_HEADER.exec(line);
    if (m) found = { type: m[1], message: m[2].trim() };
    // Go 1.23+ indents a multi-line panic message's further lines with a tab.
    else if (found && line.startsWith("\t") && line.trim()) found.message += `\n${line.trim()}`;
  }
  return found;
}

function rustHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const [at, line] of lines.entries()) {
    const m = line.startsWith("thread '") ? RUST_PANIC.exec(line) : null;
    if (!m) continue;
    if (m[1] !== undefined) return { type: "panic", message: m[1] };
    const end = lines.findIndex((next, i) => i > at && RUST_MESSAGE_END.test(next));
    return { type: "panic", message: lines.slice(at + 1, end < 0 ? undefined : end).join("\n").trim() };
  }
  return undefined;
}

/**
 * A sanitizer's report: the kind of bug is the type ("heap-use-after-free", "SEGV", "stack-overflow",
 * "detected memory leaks"); the access it caught the message ("READ of size 4 at 0x… thread T0",
 * "The signal is caused by a WRITE memory access."), else the header's rest. UBSan: type "runtime
 * error", its description the message.
 */
function sanitizerHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const line = raw.trim();
    const header = line.includes("Sanitizer: ") ? SANITIZER_HEADER.exec(line) : null;
    if (header) {
      const rest = header[2].trim();
      const end = SANITIZER_KIND_END.exec(rest);
      const type = (end ? rest.slice(0, end.index) : rest).trim().slice(0, 128);
      const access = lines
        .slice(at + 1, at + 4)
        .map((next) => SANITIZER_ACCESS.exec(next.trim()))
        .find((m) => m !== null);
      return { type, message: access ? access[1] : end ? rest.slice(end.index).replace(/^:?\s+/, "") : "" };
    }
    const ubsan = line.includes(": runtime error: ") ? UBSAN_RUNTIME_ERROR.exec(line) : null;
    if (ubsan) return { type: "runtime error", message: ubsan[1].trim() };
  }
  const summary = firstMatch(lines, SANITIZER_SUMMARY, (line) => line.startsWith("SUMMARY: "));
  return summary ? { type: summary[2], message: "" } : undefined;
}

function jvmUncaughtHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const m = firstMatch(lines, JVM_UNCAUGHT, (line) => line.startsWith("Exception in thread "));
  return m ? { type: m[1], message: (m[2] ?? "").trim() } : undefined;
}

function terminateHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const at = lines.findIndex((line) => line.startsWith("terminate called after throwing"));
  const type = at < 0 ? null : CXX_TERMINATE.exec(lines[at].trim());
  if (!type) return undefined;
  const what = CXX_WHAT.exec(lines[at + 1] ?? "");
  return { type: type[1], message: what ? what[1].trim() : "" };
}

/**
 * An Android tombstone's signal ("signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x0"): the signal
 * is the type; the abort message, else debuggerd's "Cause:", else the signal code is the message (never
 * the fault address, different in every crash).
 */
function tombstoneHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const signal = firstMatch(lines, TOMBSTONE_SIGNAL);
  if (!signal) return undefined;
  const detail = (pattern: RegExp) => firstMatch(lines, pattern)?.[1];
  return { type: signal[1], message: (detail(TOMBSTONE_ABORT) ?? detail(TOMBSTONE_CAUSE) ?? signal[2] ?? "").trim() };
}

function kotlinNativeHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const m = firstMatch(lines, KOTLIN_NATIVE_UNCAUGHT, (line) => line.startsWith("Uncaught Kotlin"));
  return m ? { type: m[1], message: (m[2] ?? "").trim() } : undefined;
}

function gdbSignalHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const m = firstMatch(lines, GDB_SIGNAL, (line) => line.includes(" signal SIG"));
  return m ? { type: m[1], message: m[2].trim() } : undefined;
}

function swiftHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const line = lines.find((l) => l.includes("Fatal error: "));
  const m = line === undefined ? null : SWIFT_FATAL.exec(line.trim());
  return m ? { type: "Fatal error", message: m[1].trim() } : undefined;
}

/** The first line (trimmed) that `pattern` matches, of those that pass the cheap `screen`; null when none does. */
function firstMatch(lines: readonly string[], pattern: RegExp, screen: (line: string) => boolean = () => true): RegExpExecArray | null {
  for (const line of lines) {
    const m = screen(line) ? pattern.exec(line.trim()) : null;
    if (m) return m;
  }
  return null;
}
