/**
 * Crystal library code: the standard library wherever Crystal is installed (`/usr/share/crystal/src/…`,
 * `/usr/lib/crystal/…`, Homebrew's `Cellar/crystal/…`, an unpacked release's
 * `crystal-1.11.2-1/share/crystal/…`, a source checkout's `crystal/src/…`), shards installed into a
 * project's `lib/` (`lib/kemal/src/kemal/route_handler.cr`), and a frame in a binary rather than a
 * source file (libc's `__libc_start_main`, the program's own `_start`).
 */
export function isCrystalLibraryCode(path: string): boolean {
  const p = path.replace(/\\/g, "/");
  if (p && !/\.e?cr$/i.test(p)) return true; // a binary; ".ecr" templates are the app's
  return CRYSTAL_LIBRARY_PATH.test(p);
}

/** The standard library's installs and a source checkout's "crystal/src/"; shards: a relative "lib/…", or "…/lib/<shard>/src/…". */
const CRYSTAL_LIBRARY_PATH = /(?:^|\/)share\/crystal\/|\/lib\/crystal\/|\/Cellar\/crystal\/|(?:^|\/)crystal\/src\/|^lib\/|\/lib\/[\w.-]{1,128}\/src\//;
