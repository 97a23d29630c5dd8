/**
 * Nim library code: the standard library wherever Nim is installed (`/usr/lib/nim/…`, choosenim's
 * `~/.choosenim/toolchains/nim-2.0.2/lib/…`, a source checkout's `Nim/lib/system/…`), nimble packages
 * (`~/.nimble/pkgs2/jester-0.6.0-<hash>/…`, a project's `nimbledeps/`), and — with
 * --excessiveStackTrace:off, which prints files without their directory — the standard library's
 * files by name ("fatal.nim", "chcks.nim", "asyncdispatch.nim").
 */
export function isNimLibraryCode(path: string): boolean {
  const p = path.replace(/\\/g, "/");
  if (NIM_LIBRARY_PATH.test(p.toLowerCase())) return true;
  return !p.includes("/") && NIM_STDLIB_FILES.has(p.replace(/\.nims?$/, ""));
}

const NIM_LIBRARY_PATH =
  /(?:^|\/)\.?nimble\/pkgs2?\/|(?:^|\/)nimbledeps\/|(?:^|\/)\.choosenim\/|(?:^|\/)nim(?:-\d[\w.-]{0,32})?\/lib\/|(?:^|\/)lib\/(?:system|pure|impure|std)\//;

/** The standard library's modules most traces pass through, as printed without a directory. */
const NIM_STDLIB_FILES = new Set(
  (
    "system fatal chcks excpt arc orc gc gc_common alloc assertions iterators iterators_1 indices seqs_v2 strs_v2 arithmetics " +
    "comparisons dollars syncio io widestrs exceptions exitprocs threadimpl memory repr_v2 cellsets " +
    "tables sets hashes strutils sequtils parseutils strformat unicode options json jsonutils os osproc streams times math " +
    "algorithm random uri net httpclient asyncdispatch asyncfutures asyncmacro asyncnet asynchttpserver asyncstreams " +
    "selectors ioselectors_epoll ioselectors_kqueue locks threadpool typedthreads logging re nre base64 sugar typetraits"
  ).split(" "),
);
