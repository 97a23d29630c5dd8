/**
 * Zig library code: the standard library and compiler-rt wherever Zig is installed
 * (`/usr/lib/zig/std/…`, an unpacked release's `zig-linux-x86_64-0.13.0/lib/std/…`, `~/zig/lib/…`,
 * `C:\zig\lib\std\…`) and packages `zig build` fetched into its cache (`~/.cache/zig/p/<hash>/…`).
 */
export function isZigLibraryCode(path: string): boolean {
  return ZIG_LIBRARY_PATH.test(path.replace(/\\/g, "/").toLowerCase());
}

/** Zig's lib directory (its own, or an unpacked release's "zig-linux-x86_64-0.13.0/"), std and compiler-rt under any lib/, the package cache. */
const ZIG_LIBRARY_PATH =
  /(?:^|\/)zig(?:-[\w+]{1,32}){0,4}-\d{1,4}\.\d{1,4}[\w.+-]{0,64}\/lib\/|(?:^|\/)zig\/lib\/|(?:^|\/)lib\/(?:zig\/)?(?:std|compiler_rt|c|libc|ubsan_rt)(?:\/|\.zig$)|\/zig\/p\/[\w.+-]{1,256}\//;
