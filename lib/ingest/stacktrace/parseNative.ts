import { demangleFunctionName } from "@/lib/ingest/swift/demangleSwift";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { gdbCrashedThread } from "@/lib/ingest/stacktrace/gdbThreads";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { basename, pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";
import { matchingOpenParen, outsideAngleBrackets } from "@/lib/ingest/stacktrace/parens";
import { parseValgrindFrame } from "@/lib/ingest/stacktrace/valgrind";

/**
 * Native (C, C++, Objective-C, Swift) backtraces, innermost first, in the three shapes engineers
 * paste, crash handlers and sanitizers print:
 *   gdb:   #0  0x00007ffff7a42428 in __GI_raise (sig=sig@entry=6) at ../sysdeps/unix/sysv/linux/raise.c:54
 *          #3  0x0000555555555169 in Parser::parse (this=0x7fffffffe0b0, input=...) at src/parser.cpp:42
 *          #4  0x00007ffff7829d90 in __libc_start_call_main () from /lib/x86_64-linux-gnu/libc.so.6
 *   lldb:  * frame #0: 0x0000000100003f50 a.out`Parser::parse(this=0x…, input=…) at parser.cpp:42:7
 *   sanitizers: #0 0x55d4c8e1a2b2 in Cache::get(int) /home/dev/cache/src/cache.cpp:41:12
 *   boost / std::stacktrace:  0# Cache::get(int) at /home/dev/cache/src/cache.cpp:41
 *   Apple crash report:
 *          3   MyApp                         	0x0000000100f0c2b4 ViewController.viewDidLoad() + 180 (ViewController.swift:42)
 *   Swift's backtracer (Linux, Swift 5.9+):
 *          1 0x000055d0c1a0b3f1 loadUser() + 97 in App at /app/Sources/App/main.swift:3:14
 *   Android tombstone: #00 pc 000000000004b2c0  /data/app/…/lib/arm64/libnative.so (Renderer::draw(Frame*)+64)
 *   ThreadSanitizer: #0 Counter::inc() /src/counter.cpp:12:11 (kvd+0x4b2a1)
 *   Kotlin/Native: at 4   orders.kexe   0x000000010c8c6a8b kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order + 347
 *   Valgrind: ==4711==    at 0x109186: Ring::pop() (ring.cpp:21)   (valgrind.ts)
 * Argument values, addresses and offsets are dropped; the binary goes to `module`. One backtrace is
 * read: an Apple crash report's "Last Exception Backtrace" (where an uncaught NSException was raised),
 * else the thread a crash report, Swift's backtracer or lldb's `bt all` marks as crashed or selected
 * ("Thread 3 Crashed:", `Thread 2 "worker" crashed:`, "* thread #4"), else the thread of gdb's
 * `thread apply all bt` that crashed (gdbThreads.ts), else the first. Frames a signal handler ran
 * (above gdb's "<signal handler called>": a crash reporter's own code) are not the crash's.
 */
export function parseNative(text: string): Frame[] | null {
  let frames: Frame[] = [];
  let lastIndex = -1;
  const lines = joinWrappedGdbFrames(splitLines(text));
  for (const raw of lines.slice(Math.max(0, startOfCrashedThread(lines)))) {
    const line = raw.trim();
    const handler = SIGNAL_HANDLER.exec(line);
    if (handler && Number(handler[1]) > lastIndex) {
      frames = [];
      lastIndex = Number(handler[1]);
      continue;
    }
    const valgrind = parseValgrindFrame(raw);
    const parsed = valgrind
      ? { index: valgrind.starts ? 0 : lastIndex + 1, frame: valgrind.frame }
      : (parseSanitizer(line) ?? parseThreadSanitizer(line) ?? parseTombstone(line) ?? parseGdb(line) ?? parseLldb(line) ?? parseSwiftBacktrace(line) ?? parseAppleCrash(line.replace(KOTLIN_NATIVE_AT, "")) ?? parseBoost(line));
    if (!parsed) continue;
    // A Swift symbol as a backtrace prints it unsymbolicated ("$s3App12OrderServiceC5placeyyF") reads as its declaration.
    const frame = parsed.frame.function ? { ...parsed.frame, function: demangleFunctionName(parsed.frame.function) } : parsed.frame;
    if (parsed.index <= lastIndex) {
      // Numbering restarts. A debugger prints the stop location ("#0 …" / "frame #0: …") before `bt`
      // prints the whole stack from that same frame: the stack replaces it. Anything else is the
      // next thread's backtrace.
      const restatesStop = parsed.index === 0 && frames.length <= 2 && sameFrame(frames[0], frame);
      if (!restatesStop) break;
      frames = [];
    }
    lastIndex = parsed.index;
    frames.push(frame);
    if (frames.length >= MAX_FRAMES) break;
  }
  return innermostFirstToOrdered(frames);
}

const NUMBERED_FRAME = /^#\d{1,4}\s/;

/**
 * gdb wraps a long frame at the terminal's width, the rest indented on the next lines:
 *   #0  0x000055d0c2a3f912 in storage::Segment::append (this=0x0, record=...,
 *       flush=true) at src/storage/segment.cpp:48
 *   #1  0x000055d0c2a40a11 in storage::Log::write (this=0x55d0c3b2e2a0, batch=...)
 *       at src/storage/log.cpp:112
 * Read as printed, the innermost frame — the crash's — lost its location, or was not read at all.
 * A numbered frame whose argument list is still open (or ends in a comma) takes the indented lines
 * after it; so does one whose next indented line starts its location ("at …", "from …").
 */
export function joinWrappedGdbFrames(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (NUMBERED_FRAME.test(line.trimStart())) {
      while (i + 1 < lines.length && continues(line, lines[i + 1])) line = `${line.trimEnd()} ${lines[++i].trim()}`;
    }
    out.push(line);
  }
  return out;
}

function continues(frame: string, next: string): boolean {
  if (!/^\s/.test(next)) return false;
  const rest = next.trim();
  if (!rest || rest.startsWith("#")) return false;
  if (/^(?:at|from) \S/.test(rest)) return !/ (?:at|from) \S+$/.test(frame.trimEnd());
  let depth = 0;
  for (const ch of frame) depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
  return depth > 0 || frame.trimEnd().endsWith(",");
}

/** An uncaught exception's backtrace; a thread marked as the one that crashed (Apple, Swift) or selected (lldb). */
const LAST_EXCEPTION = /^Last Exception Backtrace:/;
const CRASHED_THREAD = /^(?:Thread \d{1,4}(?: "[^"\n]{0,256}")? [Cc]rashed:|\* thread #\d{1,4}\b)/;

/** gdb's frame for the kernel's signal trampoline: the frames above it are the handler's. */
const SIGNAL_HANDLER = /^#(\d{1,4})\s+<signal handler called>$/;

/** Where the backtrace to read starts: -1 when the text marks none. */
function startOfCrashedThread(lines: readonly string[]): number {
  const exception = lines.findIndex((line) => LAST_EXCEPTION.test(line.trim()));
  if (exception >= 0) return exception;
  const marked = lines.findIndex((line) => CRASHED_THREAD.test(line.trim()));
  return marked >= 0 ? marked : gdbCrashedThread(lines);
}

function sameFrame(a: Frame | undefined, b: Frame): boolean {
  return a !== undefined && a.function === b.function && a.lineno === b.lineno;
}

interface Parsed {
  index: number;
  frame: Frame;
}

/**
 * AddressSanitizer / UBSan / LeakSanitizer reports (and Go's race detector in cgo code), one space
 * after the number: "#0 0x55d4… in Cache::get(int) /src/cache.cpp:41:12", "#3 0x55d4… in _start
 * (/build/cache+0x1124)", "#0 0x7f1a… in operator delete(void*) (/lib/libasan.so.8+0xdb2a) (BuildId: 9f…)".
 * The report's first stack is the error's; "freed by thread" / "previously allocated" stacks restart
 * the numbering and are left out.
 */
const SANITIZER = /^#(\d{1,4}) 0x[0-9a-f]{1,16} in (\S.*)$/;
const SANITIZER_LOCATION = /^(?:\/|\.{1,2}\/|[A-Za-z]:\\)\S*:\d{1,9}(?::\d{1,9})?$/;
const SANITIZER_MODULE = /^(.*) \(([^()\s]+)\+0x[0-9a-f]{1,16}\)(?: \(BuildId: [0-9a-f]{1,64}\))?$/;

function parseSanitizer(line: string): Parsed | null {
  const m = SANITIZER.exec(line);
  if (!m) return null;
  const rest = m[2];
  const lastSpace = rest.lastIndexOf(" ");
  const token = rest.slice(lastSpace + 1);
  // gdb writes " at " before a location (and "#10 0x… in f (x=1) at src/a.cpp:3" has one space too): gdb's.
  if (rest.slice(0, lastSpace).endsWith(" at")) return null;
  if (lastSpace > 0 && SANITIZER_LOCATION.test(token)) {
    const location = splitLocation(token, false);
    if (!location?.path) return null;
    return { index: Number(m[1]), frame: { function: rest.slice(0, lastSpace), ...pathFields(location.path), lineno: location.lineno } };
  }
  const inModule = rest.length <= 2048 ? SANITIZER_MODULE.exec(rest) : null;
  if (!inModule) return null;
  return { index: Number(m[1]), frame: { function: inModule[1], module: basename(inModule[2]) } };
}

/**
 * ThreadSanitizer (C, C++; "WARNING: ThreadSanitizer: data race"): the location then the binary and
 * offset, "#0 Counter::inc() /src/counter.cpp:12:11 (kvd+0x4b2a1)"; "#1 <null> <null> (kvd+0x4b3f0)"
 * without symbols. The first access's stack is read: the previous access's restarts the numbering.
 */
const TSAN = /^#(\d{1,4}) (\S.*)$/;
const TSAN_BINARY = /^[^()\s]{1,1024}\+0x[0-9a-f]{1,16}$/;

function parseThreadSanitizer(line: string): Parsed | null {
  const m = line.endsWith(")") ? TSAN.exec(line) : null;
  if (!m) return null;
  // Read from the right, without backtracking: " (binary+0x…)", then the location, then the function.
  const rest = m[2];
  const open = rest.lastIndexOf(" (");
  const binary = open > 0 ? rest.slice(open + 2, -1) : "";
  if (!TSAN_BINARY.test(binary)) return null;
  const head = rest.slice(0, open);
  const space = head.lastIndexOf(" ");
  if (space <= 0) return null;
  const where = head.slice(space + 1);
  const location = where === "<null>" ? null : splitLocation(where, false);
  if (where !== "<null>" && !location?.path) return null;
  const name = head.slice(0, space);
  const binaryName = basename(binary.slice(0, binary.lastIndexOf("+0x")));
  return { index: Number(m[1]), frame: { ...(name === "<null>" ? {} : { function: name }), module: binaryName, ...(location ? { ...pathFields(location.path), lineno: location.lineno } : {}) } };
}

/**
 * Android's tombstones (debuggerd, in logcat as "DEBUG" and in the Play Console / Crashlytics), the
 * binary's whole path as module (an app's own libraries are under /data/app/, the system's under
 * /system/, /apex/, /vendor/):
 *   #00 pc 000000000004b2c0  /data/app/~~Xk2l==/com.acme-Ab12==/lib/arm64/libnative.so (Renderer::draw(Frame*)+64) (BuildId: 9f8e…)
 *   #01 pc 0000000000012345  /data/app/~~Xk2l==/com.acme-Ab12==/base.apk!libnative.so (offset 0x1a000) (Java_com_acme_Bridge_render+120)
 *   #02 pc 00000000000a1b20  /apex/com.android.runtime/lib64/bionic/libc.so (__pthread_start(void*)+208)
 *   #03 pc 0000000000055f10  /system/lib64/libutils.so
 */
const TOMBSTONE = /^#(\d{1,4}) pc (?:0x)?[0-9a-f]{1,16}\s+(\/\S.*)$/;
const TOMBSTONE_TRAILER = /(?: \((?:BuildId: [0-9a-f]{1,64}|offset 0x[0-9a-f]{1,16})\))+$/;

function parseTombstone(line: string): Parsed | null {
  const m = line.length <= 4096 ? TOMBSTONE.exec(line) : null;
  if (!m) return null;
  let rest = m[2].replace(TOMBSTONE_TRAILER, "");
  let symbol: string | undefined;
  const open = /\+\d{1,12}\)$/.test(rest) ? matchingOpenParen(rest) : -1;
  if (open > 0) {
    symbol = rest.slice(open + 1, -1).replace(/\+\d{1,12}$/, "");
    rest = rest.slice(0, open);
  }
  const binary = rest.trim().replace(TOMBSTONE_TRAILER, "");
  if (/\s/.test(binary)) return null;
  return { index: Number(m[1]), frame: { ...(symbol ? { function: symbol } : {}), module: binary } };
}

/** boost::stacktrace and C++23 std::stacktrace: " 0# Cache::get(int) at /src/cache.cpp:41", " 3# __libc_start_call_main in /lib/libc.so.6". */
const BOOST = /^(\d{1,4})# (\S.*)$/;

function parseBoost(line: string): Parsed | null {
  const m = BOOST.exec(line);
  if (!m) return null;
  const rest = m[2];
  const at = rest.lastIndexOf(" at ");
  if (at > 0) {
    const location = splitLocation(rest.slice(at + 4), false);
    if (location?.path) return { index: Number(m[1]), frame: { function: rest.slice(0, at), ...pathFields(location.path), lineno: location.lineno } };
  }
  const inBinary = rest.lastIndexOf(" in ");
  if (inBinary > 0) return { index: Number(m[1]), frame: { function: rest.slice(0, inBinary), module: basename(rest.slice(inBinary + 4)) } };
  return /\s/.test(outsideAngleBrackets(rest.replace(CLONE_SUFFIX, "").replace(/\([^()]*\)/g, ""))) ? null : { index: Number(m[1]), frame: { function: rest } };
}

/** GCC's suffix on an optimised copy of a function: " [clone .cold]", " [clone .isra.0] [clone .constprop.1]". */
const CLONE_SUFFIX = /(?: \[clone \.[\w.]{1,64}\])+$/;

/** "#3  0x… in name (args) at file:line", "#0  name (args) at file:line", "… from /lib/libc.so.6", "#5  0x… in ?? ()". */
const GDB = /^#(\d{1,4})\s+(0x[0-9a-f]{1,16} in )?(.+)$/;

function parseGdb(line: string): Parsed | null {
  const m = GDB.exec(line);
  if (!m) return null;
  let rest = m[3];
  let where: Frame = {};
  const at = rest.lastIndexOf(") at ");
  const from = rest.lastIndexOf(") from ");
  if (at > 0) {
    const location = splitLocation(rest.slice(at + 5), false);
    if (!location?.path) return null;
    where = { ...pathFields(location.path), lineno: location.lineno };
    rest = rest.slice(0, at + 1);
  } else if (from > 0) {
    const library = rest.slice(from + 7);
    where = { module: basename(library), ...pathFields(library), inApp: false };
    rest = rest.slice(0, from + 1);
  } else if (!m[2]) {
    return null; // neither an address nor a location: not gdb's (Dart and PHP frames are numbered "#N" too)
  }
  // gdb always prints the argument list, "()" when there are none.
  const open = matchingOpenParen(rest);
  if (open <= 0 || rest[open - 1] !== " ") return null;
  const name = rest.slice(0, open - 1);
  // Without debug information gdb names functions by their demangled signature: "f(char const*, ...)",
  // an optimised copy with GCC's suffix: "f(int) [clone .cold]".
  const unsuffixed = name.replace(CLONE_SUFFIX, "");
  const signatureOpen = matchingOpenParen(unsuffixed);
  const bare = signatureOpen > 0 ? unsuffixed.slice(0, signatureOpen) : unsuffixed;
  if (!name || /\s/.test(outsideAngleBrackets(bare).replace(/\(anonymous namespace\)|operator\s*\S+/g, ""))) return null;
  return { index: Number(m[1]), frame: name === "??" ? where : { function: name, ...where } };
}

/** "frame #0: 0x… binary`symbol at file:line:col", "frame #3: 0x… libdyld.dylib`start + 1". */
const LLDB = /^(?:\*\s*)?frame #(\d{1,4}): 0x[0-9a-f]{1,16} ([^`\s]+)`(.+)$/;

function parseLldb(line: string): Parsed | null {
  const m = LLDB.exec(line);
  if (!m) return null;
  let symbol = m[3];
  let where: Frame = {};
  const at = symbol.lastIndexOf(" at ");
  if (at > 0) {
    const location = splitLocation(symbol.slice(at + 4), false);
    if (location?.path) where = { ...pathFields(location.path), lineno: location.lineno, ...(location.colno ? { colno: location.colno } : {}) };
    symbol = symbol.slice(0, at);
  }
  symbol = symbol.replace(OFFSET, "");
  return { index: Number(m[1]), frame: { function: withoutArgumentValues(symbol), module: m[2], ...where } };
}

/** "1 0x… loadUser() + 97 in App at /app/Sources/App/main.swift:3:14", "0 [inlined] 0x… f() in App at …", "2 0x… start + 1 in libc.so.6". */
const SWIFT_BACKTRACE = /^(\d{1,4})(?: \[[a-z]{1,16}\])* 0x[0-9a-f]{1,16} (\S.{0,4096}?) in ([^\s/]{1,256})(?: at (\S{1,4096}))?$/;

function parseSwiftBacktrace(line: string): Parsed | null {
  const m = SWIFT_BACKTRACE.exec(line);
  if (!m) return null;
  const location = m[4] ? splitLocation(m[4], false) : null;
  const where: Frame = location?.path ? { ...pathFields(location.path), lineno: location.lineno, ...(location.colno ? { colno: location.colno } : {}) } : {};
  const symbol = m[2].replace(OFFSET, "");
  return { index: Number(m[1]), frame: { ...(symbol === "<unknown>" ? {} : { function: symbol }), module: m[3], ...where } };
}

/** "3   MyApp   \t0x0000000100f0c2b4 symbol + 180 (File.swift:42)"; unsymbolicated: "0x100f00000 + 12345". */
const APPLE = /^(\d{1,4})\s+(\S(?:.*?\S)?)\s+0x[0-9a-f]{1,16} +(\S.*)$/;

function parseAppleCrash(line: string): Parsed | null {
  const m = APPLE.exec(line);
  if (!m) return null;
  let symbol = m[3];
  let where: Frame = {};
  const file = /\s\(([^()\s]+?):(\d{1,9})(?::\d{1,9})?\)$/.exec(symbol);
  if (file) {
    where = { ...pathFields(file[1]), lineno: Number(file[2]) };
    symbol = symbol.slice(0, file.index);
  }
  if (!OFFSET.test(symbol)) return null; // every crash-report symbol carries its offset
  symbol = symbol.replace(OFFSET, "");
  const frame: Frame = { module: m[2], ...where };
  if (!/^0x[0-9a-f]+$/.test(symbol)) frame.function = symbol;
  return { index: Number(m[1]), frame };
}

/**
 * Kotlin/Native prints its stack traces in the crash-report layout after "at ":
 * "at 4   orders.kexe   0x000000010c8c6a8b kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order + 347",
 * with debug information its location after: "… + 347 (/src/nativeMain/kotlin/OrderService.kt:21:13)"; a short
 * address is padded ("0x2c61f9            kfun:…").
 */
const KOTLIN_NATIVE_AT = /^at (?=\d{1,4}\s)/;

/** " + 180": the instruction's offset into the symbol. */
const OFFSET = / \+ \d{1,12}$/;

/** lldb prints "Parser::parse(this=0x…, input=…)": an argument list with values is dropped; a signature's parameter types are kept. */
function withoutArgumentValues(symbol: string): string {
  const open = matchingOpenParen(symbol);
  if (open <= 0 || !symbol.slice(open).includes("=")) return symbol;
  return symbol.slice(0, open);
}
