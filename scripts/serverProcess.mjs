import fs from "node:fs";

// How the app's server process is run: scripts/server.mjs sets the V8 flags as it starts; whoever
// spawns it (scripts/start.mjs, the test runner, the benchmarks, the container's serve.mjs) gives it
// serverEnv(), and the container's serve.mjs passes the V8 flags to the standalone server too.
//
// --heap-growing-percent: after each full collection V8 lets the old generation grow to a multiple
// of what survived before collecting again; under ingest load it picked about 4× (≈ 80 MB live, peak
// RSS 390–520 MB). Growing by 40 % at a time: 279–326 MB over the same loads (README → Benchmarks),
// at no measurable cost in throughput or CPU (20 % cost app CPU without lowering the peak further).
// It is a growth rate, not a limit: a burst of large accepted bodies still gets all the heap it needs.
export const SERVER_V8_FLAGS = ["--heap-growing-percent=40"];

// glibc's malloc serves a block above its mmap threshold with mmap (returned to the system when
// freed), but raises that threshold to the largest such block freed so far, up to 32 MB: after a
// few large request bodies and statement buffers, they all come from the heap arenas, which keep
// the freed memory. A fixed 64 KiB threshold: peak RSS 228–229 MB against 256–293 MB over the same
// single, envelope and batch loads, throughput and CPU per event unchanged (README → Benchmarks).
// Only for the server: PostgreSQL, which allocates its own large blocks, ran slower with it.
// Ignored by other C libraries; an operator's own value wins. An empty value would mean a threshold
// of 0 (every allocation an mmap: ten times slower), so an empty one counts as unset.
const ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: "65536" };

/** The environment to spawn the server with: `env` plus the allocator settings it does not set itself. */
export function serverEnv(env) {
  const result = { ...env };
  for (const [name, value] of Object.entries(ALLOCATOR_ENV)) {
    if (!result[name]) result[name] = value;
  }
  return result;
}

/**
 * Writes a spawned process's stdout and stderr into one log file. Neither stream may end the file —
 * the other may still write, and a write after its end throws — so the process's close ends it.
 */
export function logOutput(child, file) {
  const log = fs.createWriteStream(file);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("close", () => log.end());
}

// A log reader that goes away (a supervisor's or log shipper's pipe closed, `npm start | head`) must
// not take the server down. A write to a closed stdout or stderr fails with EPIPE, reported as an
// 'error' event on the stream; unhandled, it is an uncaught exception, which Next.js reports with
// console.warn — to the same closed pipe, failing again, forever: the process spun at 100 % CPU and
// answered nothing. With a listener the failed write is dropped and the server goes on serving.
/** Called first thing by every long-running process of the app (the server, `npm start`, the container's serve.mjs). */
export function keepServingWhenOutputCloses() {
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
}
