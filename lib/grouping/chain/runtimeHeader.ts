import { appleCrashHeader } from "@/lib/grouping/chain/appleCrashHeader";
import { crystalHeader } from "@/lib/grouping/chain/crystalHeader";
import { dartHeader } from "@/lib/grouping/chain/dartHeader";
import { printedErrorLine } from "@/lib/grouping/chain/printedErrorLine";
import { juliaHeader } from "@/lib/grouping/chain/juliaHeader";
import { nimHeader } from "@/lib/grouping/chain/nimHeader";
import { zigHeader } from "@/lib/grouping/chain/zigHeader";
import type { Language } from "@/lib/ingest/stacktrace/frame";
import { splitLines } from "@/lib/ingest/stacktrace/limits";
import { HASKELL_STACK_HEADER, isHaskellCallLine } from "@/lib/ingest/stacktrace/parseHaskell";
import { isPerlCallLine, splitDieLine } from "@/lib/ingest/stacktrace/parsePerl";
import { parsePhpErrorLine } from "@/lib/ingest/stacktrace/phpErrorLine";
import { valgrindHeader } from "@/lib/ingest/stacktrace/valgrind";

/**
 * Go: "panic: …" / "fatal error: …" above the first goroutine; a re-panic prints the first one
 * "[recovered]" and then the new one, or (Go 1.25+, the same value panicking again) once as
 * "[recovered, repanicked]".
 */
const GO_HEADER = /^\s*(panic|fatal error): (.*?)(?: \[recovered(?:, repanicked)?\])?$/;
/**
 * A panic net/http recovered in a handler, logged through the log package (its date, time, file or
 * prefix before it): "2024/01/15 10:22:33 http: panic serving 10.0.0.1:54321: runtime error: …".
 */
const GO_HTTP_PANIC = /http: panic serving \S{1,256}: (.{1,8192})$/;
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
/** Logger's "undefined method `id' for nil:NilClass (NoMethodError)": the class in parentheses ends the message. */
const RUBY_LOGGER_END = /^([\s\S]{1,8192}) \(([A-Z]\w{0,127}(?:::[A-Z]\w{0,127}){0,8})\)$/;

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

/**
 * Lua errors have no type: every one is "LuaError" (OpenResty's "runtime error" is nginx's wording for
 * any of them, not a kind), its message the error's text without the "file:line: " Lua put before it.
 * The error stands above the traceback; debug.traceback and the interpreters print it so.
 */
const LUA_TRACEBACK = /^(?:stack traceback:|Traceback)$/;
/** The standalone interpreter's program name ("lua: ", "lua5.1: ", "/usr/bin/luajit: "), LÖVE's "Error: ". */
const LUA_INTERPRETER = /^(?:(?:\S{0,1024}\/)?(?:lua|luajit|texlua|love)[\w.-]{0,16}|Error): /;
/** OpenResty's error log: "… [error] 123#0: *4 lua entry thread aborted: runtime error: app/x.lua:10: …", a filter phase's "failed to run header_filter_by_lua*: …". */
const OPENRESTY_ERROR = /lua (?:entry|user) thread aborted: runtime error: |failed to run \w{1,32}_by_lua\*?: /;
/** "app/handler.lua:42: ", `[string "local x = …"]:3: `, OpenResty's inline "content_by_lua(nginx.conf:42):3: ": where error() was called. */
const LUA_LOCATION = /^(\[string "[^"\n]{0,1024}"\]|\S{1,2048}?):\d{1,9}: /;
/** A location that is Lua's even without an interpreter's name before it: a .lua file, a string chunk, OpenResty's inline code, stdin. */
const LUA_CHUNK = /(?:\.lua|_by_lua(?:\([^()]{0,1024}\))?)$|^\[string "|^stdin$/;

/**
 * Perl: die's message ends with where it died (" at lib/X.pm line 12."); an exception object dies as
 * "Shop::X::NotFound=HASH(0x55d0c8a1b2c8)", Exception::Class-style classes print "Shop::X::NotFound: message".
 */
const PERL_OBJECT = /^([A-Za-z_]\w{0,127}(?:::\w{1,127}){0,16})=(?:HASH|ARRAY|SCALAR|REF|CODE|GLOB|Regexp|IO)\(0x[0-9a-f]{1,16}\)$/;
/** A class name before the message: two or more capitalised segments, so a message's own "Can't …: …" or a sub's "Shop::Cart::add: …" is not one. */
const PERL_CLASS_PREFIX = /^([A-Z]\w{0,127}(?:::[A-Z]\w{0,127}){1,16}): ([\s\S]*)$/;

/**
 * OCaml's uncaught exception (the runtime's, or Printexc's when it is linked): "Fatal error: exception
 * Failure("int_of_string")"; a thread's "Thread 3 killed on uncaught exception Not_found".
 */
const OCAML_UNCAUGHT = /^(?:Fatal error: exception|Thread \d{1,9} killed on uncaught exception) (.{1,8192})$/;
/** "Not_found", "Stdlib.Exit", "Failure("int_of_string")", "Shop.Orders.Missing(42)", "Unix.Unix_error(Unix.ENOENT, "open", "x")"; a registered printer's "Name: text". */
const OCAML_CONSTRUCTOR = /^((?:[A-Z][\w']{0,255}\.){0,16}[A-Z][\w']{0,255})(?:\(([\s\S]*)\)|:? ([\s\S]*))?$/;
/** A Base/Core sexp: "(Failure "boom")", "(Not_found_s (\"Map.find_exn: not found\" 42))". */
const OCAML_SEXP = /^\(((?:[A-Z][\w']{0,255}\.){0,16}[A-Z][\w']{0,255})(?: ([\s\S]*))?\)$/;
/** An OCaml string literal as Printexc prints it (escaped with %S). */
const OCAML_STRING = /^"((?:[^"\\]|\\[\s\S])*)"$/;
/** Exceptions Printexc.to_string spells out rather than naming them. */
const OCAML_SPELLED_OUT: readonly (readonly [RegExp, string])[] = [
  [/^Out of memory$/, "Out_of_memory"],
  [/^Stack overflow$/, "Stack_overflow"],
  [/^(File "[^"\n]{0,2048}", line \d{1,9}, characters \d{1,9}-\d{1,9}): Assertion failed$/, "Assert_failure"],
  [/^(File "[^"\n]{0,2048}", line \d{1,9}, characters \d{1,9}-\d{1,9}): Pattern matching failed$/, "Match_failure"],
  [/^(File "[^"\n]{0,2048}", line \d{1,9}, characters \d{1,9}-\d{1,9}): Undefined recursive module$/, "Undefined_recursive_module"],
];
const OCAML_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", " ": " " };

/**
 * Haskell: GHC 9.12's top-level handler names the exception, qualified by package and module ("app:
 * Uncaught exception ghc-internal:GHC.Internal.Exception.ErrorCall:"), and prints its message on the
 * lines below; before it, "app: message" alone (GHCi: "*** Exception: message").
 */
const HASKELL_UNCAUGHT = /^(?:[\w.-]{1,256}: )?Uncaught exception [\w.-]{1,256}:((?:[A-Z][\w']{0,255}\.){0,32}[A-Z][\w']{0,255}):?$/;
const HASKELL_PROGRAM_MESSAGE = /^(?:\*\*\* Exception|[\w.-]{1,256}): (.*)$/;
/** The call stack an ErrorCall carries ("CallStack (from HasCallStack):"; 7.10: "ImplicitParams"): what `error` and `undefined` throw. */
const HASKELL_ERROR_CALL_STACK = /^CallStack \(from [\w -]{1,32}\):$/;
/** GHC 9.12 prints an exception raised while handling another under "While handling …". */
const HASKELL_WHILE_HANDLING = /^While handling /;

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
 * exception: kotlin.IllegalStateException: …", an Apple crash report's "Exception Type:  EXC_CRASH
 * (SIGABRT)" (appleCrashHeader.ts), PHP's
 * "PHP Warning:  Undefined variable $total in … on line 31" (Xdebug prints its stack under it), the
 * sanitizers' "==4242==ERROR: AddressSanitizer: heap-use-after-free on address …", Valgrind's
 * "==4711== Invalid read of size 4", Lua's "lua: app/handler.lua:42: attempt to …" (LuaError), Perl's
 * die message ("… at lib/X.pm line 88.": die, or the exception's class), OCaml's "Fatal error:
 * exception Failure("…")", Haskell's "app: Prelude.head: empty list" (ErrorCall) and GHC 9.12's
 * "Uncaught exception ghc-internal:GHC.Internal.Exception.ErrorCall:", Julia's "ERROR: LoadError:
 * BoundsError: …" (juliaHeader.ts), Zig's "thread 12345 panic: …" (zigHeader.ts), Crystal's "Unhandled
 * exception: Index out of bounds (IndexError)" (crystalHeader.ts) and Nim's "Error: unhandled exception:
 * … [IndexDefect]" (nimHeader.ts; read without a traceback too).
 * Undefined when the text has none; the type undefined when the header prints a message only.
 */
export function runtimeHeader(text: string, language: Language): { type?: string; message: string } | undefined {
  // Only these runtimes print such a header: the trace of any other is not split into lines for nothing.
  if (language === "native" || language === "unknown") {
    const lines = splitLines(text);
    // OCaml prints no backtrace unless asked (OCAMLRUNPARAM=b): its "Fatal error: exception Not_found" is not Swift's "Fatal error: …".
    return (
      sanitizerHeader(lines) ??
      valgrindHeader(lines) ??
      jvmUncaughtHeader(lines) ??
      terminateHeader(lines) ??
      ocamlHeader(lines) ??
      swiftHeader(lines) ??
      tombstoneHeader(lines) ??
      appleCrashHeader(lines) ??
      kotlinNativeHeader(lines) ??
      gdbSignalHeader(lines) ??
      haskellUncaughtHeader(lines) ??
      nimHeader(lines, false) ??
      (language === "unknown" ? framelessHeader(lines) : undefined)
    );
  }
  if (language === "go") return goHeader(splitLines(text));
  // anyhow's and eyre's "Error: …" (a main returning an error) above their "Stack backtrace:".
  if (language === "rust") return rustHeader(splitLines(text)) ?? printedErrorLine(splitLines(text));
  if (language === "dart") return dartHeader(splitLines(text));
  if (language === "elixir") return elixirHeader(splitLines(text));
  if (language === "ruby") return rubyHeader(splitLines(text));
  if (language === "python") return pythonFatalError(splitLines(text));
  if (language === "php") return phpErrorHeader(splitLines(text));
  if (language === "lua") return luaHeader(splitLines(text));
  if (language === "perl") return perlHeader(splitLines(text));
  if (language === "ocaml") return ocamlHeader(splitLines(text));
  if (language === "haskell") return haskellHeader(splitLines(text));
  if (language === "julia") return juliaHeader(splitLines(text));
  if (language === "zig") return zigHeader(splitLines(text));
  if (language === "crystal") return crystalHeader(splitLines(text));
  if (language === "nim") return nimHeader(splitLines(text));
  return undefined;
}

/**
 * A text without frames: the header of any runtime that prints one without a stack — Rust's default
 * panic (no RUST_BACKTRACE), Go's panic, PHP's error line, Elixir's banner, Dart's uncaught error —,
 * else the error line of Python, the JVM, .NET and JavaScript (printedErrorLine.ts).
 */
function framelessHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  return rustHeader(lines) ?? goHeader(lines) ?? phpErrorHeader(lines) ?? elixirHeader(lines) ?? dartHeader(lines) ?? printedErrorLine(lines);
}

/**
 * Lua: the error above "stack traceback:" — "lua: app/handler.lua:42: attempt to index a nil value
 * (local 'user')", debug.traceback's message alone, OpenResty's "… lua entry thread aborted: runtime
 * error: app/x.lua:10: …" — type "LuaError", the message without the interpreter's name and the
 * location, its further lines up to the traceback included. The first line that is such an error
 * starts it; without one, the lines right above the traceback are the message.
 */
function luaHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const end = lines.findIndex((line) => LUA_TRACEBACK.test(line.trim()));
  if (end < 0) return undefined;
  for (let at = 0; at < end; at++) {
    const message = luaErrorLine(lines[at].trim());
    if (message !== null) return { type: "LuaError", message: [message, ...lines.slice(at + 1, end)].join("\n").trim() };
  }
  let start = end;
  while (start > 0 && lines[start - 1].trim()) start--;
  const message = lines.slice(start, end).join("\n").trim();
  return message ? { type: "LuaError", message } : undefined;
}

/** The error's message when the line starts one (see luaHeader); null otherwise. */
function luaErrorLine(line: string): string | null {
  const openresty = line.includes("_by_lua") || line.includes("thread aborted: ") ? OPENRESTY_ERROR.exec(line) : null;
  const interpreter = openresty ? null : LUA_INTERPRETER.exec(line);
  const rest = openresty ? line.slice(openresty.index + openresty[0].length) : interpreter ? line.slice(interpreter[0].length) : line;
  const location = LUA_LOCATION.exec(rest);
  // "lua: boom" (error("boom", 0)), "runtime error: unknown reason" (error(nil)): no location; LÖVE's "Error: " only before one.
  if (location && (openresty || interpreter || LUA_CHUNK.test(location[1]))) return rest.slice(location[0].length);
  return openresty || (interpreter && !interpreter[0].startsWith("Error")) ? rest : null;
}

/**
 * Perl: the message die printed above Carp's or Devel::StackTrace's calls, without " at lib/X.pm line
 * 88." — type "die" (a die message has no class), or the exception's class when one is printed
 * ("Shop::X::NotFound=HASH(0x…)", an object without a message; "Shop::X::NotFound: order 42").
 */
function perlHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const block: string[] = [];
  let ended = false;
  for (const raw of lines) {
    const line = raw.trim();
    const traceBegun = line.startsWith("Trace begun at ");
    if (traceBegun && block.length === 0) continue; // Devel::StackTrace's first line
    // The stack under the message: Carp's calls, or Devel::StackTrace's as Exception::Class prints it.
    if (traceBegun || isPerlCallLine(line)) {
      ended = true;
      break;
    }
    // Where it died ends the message; confess repeats it on a line of its own (" at lib/X.pm line 88.").
    const died = splitDieLine(line);
    if (died) {
      block.push(died.message);
      ended = true;
      break;
    }
    if (block.length > 0 || line) block.push(line);
  }
  // A message is what stands above where it died or above the stack: text that ends neither way is not Perl's.
  const text = block.join("\n").trim();
  if (!ended || !text) return undefined;
  const object = PERL_OBJECT.exec(text);
  if (object) return { type: object[1], message: "" };
  const classed = PERL_CLASS_PREFIX.exec(text);
  return classed ? { type: classed[1], message: classed[2].trim() } : { type: "die", message: text };
}

/**
 * OCaml: the uncaught exception's constructor is the type, as printed ("Not_found", "Stdlib.Exit",
 * "Shop.Orders.Missing"); its argument the message — a string's text ("Failure("int_of_string")":
 * "int_of_string"), any other argument as printed ("Missing(42)": "42"). Printexc's spelled-out ones
 * ("Stack overflow", "File "x.ml", line 3, characters 2-8: Assertion failed") are typed by their
 * constructor. Undefined when the exception is printed some other way.
 */
function ocamlHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const m = firstMatch(lines, OCAML_UNCAUGHT, (line) => line.includes(" exception "));
  if (!m) return undefined;
  const printed = m[1].trim();
  for (const [pattern, type] of OCAML_SPELLED_OUT) {
    const spelled = pattern.exec(printed);
    if (spelled) return { type, message: spelled[1] ?? "" };
  }
  const exception = OCAML_SEXP.exec(printed) ?? OCAML_CONSTRUCTOR.exec(printed);
  if (!exception) return undefined;
  return { type: exception[1], message: ocamlArgument((exception[2] ?? exception[3] ?? "").trim()) };
}

/** A single string argument unquoted and unescaped (its bytes, \ddd, read as UTF-8); anything else as printed. */
function ocamlArgument(text: string): string {
  const quoted = OCAML_STRING.exec(text);
  if (!quoted) return text;
  return quoted[1].replace(/(?:\\\d{3})+|\\([\s\S])/g, (escape: string, char: string | undefined) =>
    char !== undefined ? (OCAML_ESCAPES[char] ?? char) : new TextDecoder().decode(Uint8Array.from(escape.slice(1).split("\\"), Number)),
  );
}

/**
 * Haskell: GHC 9.12's "Uncaught exception pkg:Module.Type:" names the type — without its package and
 * module ("ErrorCall", as GHC has moved it between modules and packages) — and the message follows on
 * the next lines. Before 9.12 the top-level handler prints "app: message": an ErrorCall (what `error`
 * and `undefined` throw) when its own call stack follows ("CallStack (from HasCallStack):"); above
 * 9.10's backtrace alone ("HasCallStack backtrace:", throwIO) the type is not printed: the message only.
 */
function haskellHeader(lines: readonly string[]): { type?: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const line = raw.trim();
    if (endsHaskellMessage(line)) return undefined;
    const uncaught = line.includes("Uncaught exception ") ? HASKELL_UNCAUGHT.exec(line) : null;
    if (uncaught) return { type: lastSegment(uncaught[1]), message: haskellMessage(lines, at + 1, []).message };
    if (!line) continue;
    const program = HASKELL_PROGRAM_MESSAGE.exec(line);
    if (!program) continue;
    const { message, end } = haskellMessage(lines, at + 1, [program[1]]);
    // Only a message a call stack follows is the top-level handler's.
    if (!end) return undefined;
    return HASKELL_ERROR_CALL_STACK.test(end) ? { type: "ErrorCall", message } : { message };
  }
  return undefined;
}

/** The message's lines from `from` up to its call stack, and the line that ended it. */
function haskellMessage(lines: readonly string[], from: number, first: string[]): { message: string; end: string } {
  const end = lines.findIndex((line, i) => i >= from && endsHaskellMessage(line.trim()));
  return { message: [...first, ...lines.slice(from, end < 0 ? undefined : end)].join("\n").trim(), end: end < 0 ? "" : lines[end].trim() };
}

function endsHaskellMessage(line: string): boolean {
  return HASKELL_STACK_HEADER.test(line) || HASKELL_WHILE_HANDLING.test(line) || isHaskellCallLine(line);
}

/**
 * GHC 9.12's uncaught exception without a call stack (errorWithoutStackTrace), read when no frame told
 * the language: "Uncaught exception" with a package-qualified type is GHC's alone.
 */
function haskellUncaughtHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  for (const [at, raw] of lines.entries()) {
    const m = raw.includes("Uncaught exception ") ? HASKELL_UNCAUGHT.exec(raw.trim()) : null;
    if (m) return { type: lastSegment(m[1]), message: haskellMessage(lines, at + 1, []).message };
  }
  return undefined;
}

/** "GHC.Internal.Exception.ErrorCall" → "ErrorCall". */
function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
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
  const above: string[] = [];
  for (const line of lines) {
    if (RUBY_FRAME.test(line)) break;
    const m = RUBY_CLASS_LINE.exec(line.trim()) ?? RAILS_LOG_LINE.exec(line.trim());
    if (m) return { type: m[1], message: m[2].trim() };
    above.push(line);
  }
  return rubyLoggerHeader(above);
}

/**
 * Ruby's Logger (Logger::Formatter#msg2str, Rails' logger) prints an exception as "message (Class)"
 * and its backtrace below, without "from": the class closes the message's last line.
 */
function rubyLoggerHeader(above: readonly string[]): { type: string; message: string } | undefined {
  let end = above.length - 1;
  while (end >= 0 && !above[end].trim()) end--;
  const m = end >= 0 ? RUBY_LOGGER_END.exec(above[end].trim()) : null;
  if (!m) return undefined;
  let start = end;
  while (start > 0 && above[start - 1].trim()) start--;
  return { type: m[2], message: [...above.slice(start, end), m[1]].join("\n").trim() };
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
    const m = GO_HEADER.exec(line) ?? (line.includes("http: panic serving ") ? GO_HTTP_PANIC.exec(line) : null);
    if (m) found = m.length > 2 ? { type: m[1], message: m[2].trim() } : { type: "panic", message: m[1].trim() };
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
