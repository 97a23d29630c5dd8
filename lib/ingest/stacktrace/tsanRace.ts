import { readRaceReport, type RaceAccess, type RaceReportFormat } from "@/lib/ingest/stacktrace/raceAccess";

const TSAN_RACE: RaceReportFormat = {
  warning: /^WARNING: ThreadSanitizer: data race\b/,
  access: /^(?:Previous )?((?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite)) of size \d{1,6} (at 0x[0-9a-f]{1,16}) by (main thread|thread T\d{1,10})(?: \(mutexes: [^()\n]{0,512}\))?:$/,
  header: (m, kind) => `${kind} ${m[2]} by ${m[3]}`,
  // Where the memory is, a thread's or mutex's creation, the summary.
  end: /^(?:Location is |Thread T\d{1,10} |Mutex M\d{1,10} |SUMMARY: |={10,}|WARNING: ThreadSanitizer)/,
};

/**
 * ThreadSanitizer's data race report (C, C++; clang/gcc -fsanitize=thread):
 *   WARNING: ThreadSanitizer: data race (pid=48213)
 *     Write of size 8 at 0x7b0400000010 by thread T2:
 *       #0 Counter::inc() /src/counter.cpp:12:11 (kvd+0x4b2a1)
 *
 *     Previous read of size 8 at 0x7b0400000010 by main thread (mutexes: write M0):
 *       #0 Counter::value() const /src/counter.cpp:16:12 (kvd+0x4b2e9)
 *
 *     Location is heap block of size 16 at 0x7b0400000000 allocated by main thread: …
 *     Thread T2 (tid=48216, running) created by main thread at: …
 *   SUMMARY: ThreadSanitizer: data race /src/counter.cpp:12:11 in Counter::inc()
 * The two accesses, as Go's race detector reports them (goRace.ts); the allocation and thread
 * creation stacks are not where the race is. Null when `text` holds no such report.
 */
export function readThreadSanitizerRace(text: string): RaceAccess[] | null {
  return readRaceReport(text, TSAN_RACE);
}
