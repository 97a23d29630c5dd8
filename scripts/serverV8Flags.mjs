// V8 flags of the app's server process: scripts/server.mjs sets them as it starts, the container's
// scripts/container/serve.mjs passes them to the standalone server.
//
// --heap-growing-percent: after each full collection V8 lets the old generation grow to a multiple
// of what survived before collecting again; under ingest load it picked about 4× (≈ 80 MB live, peak
// RSS 390–520 MB). Growing by 40 % at a time: 279–326 MB over the same loads (README → Benchmarks),
// at no measurable cost in throughput or CPU (20 % cost app CPU without lowering the peak further).
// It is a growth rate, not a limit: a burst of large accepted bodies still gets all the heap it needs.
export const SERVER_V8_FLAGS = ["--heap-growing-percent=40"];
