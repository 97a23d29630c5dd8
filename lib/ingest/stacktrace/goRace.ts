import { readRaceReport, type RaceAccess, type RaceReportFormat } from "@/lib/ingest/stacktrace/raceAccess";

const GO_RACE: RaceReportFormat = {
  warning: /^WARNING: DATA RACE$/,
  access: /^(?:Previous )?((?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite))( at 0x[0-9a-f]{1,16})? by (main goroutine|goroutine \d{1,10}):$/,
  header: (m, kind) => `${kind}${m[2] ?? ""} by ${m[3]}`,
  // Where each goroutine was started, the report's closing rule.
  end: /^(?:Goroutine \d{1,10} \([^)\n]{1,32}\) created at:|={10,}|WARNING: DATA RACE)$/,
};

/**
 * Go's race detector (`-race`) prints each data race as a report of its own, between lines of "=":
 *   ==================
 *   WARNING: DATA RACE
 *   Write at 0x00c0000b4018 by goroutine 8:
 *     github.com/acme/metrics/internal/counter.(*Counter).Inc()
 *         /src/internal/counter/counter.go:21 +0x4f
 *
 *   Previous read at 0x00c0000b4018 by main goroutine:
 *     github.com/acme/metrics/internal/counter.(*Counter).Value()
 *         /src/internal/counter/counter.go:27 +0x3a
 *
 *   Goroutine 8 (running) created at:
 *     main.main()
 *         /src/cmd/metricsd/main.go:30 +0x2b8
 *   ==================
 * Two accesses to one address race: the one that found the race, then the earlier one ("Previous …").
 * Go before 1.6 printed no address ("Write by goroutine 8:"); sync/atomic accesses are "Atomic write";
 * a stack the detector lost is "[failed to restore the stack]". Where the racing goroutines were
 * started ("Goroutine N (running|finished) created at:") follows; it is not where the race is.
 * Returns the two accesses of the first report in `text`, in the order printed; null when it has none.
 */
export function readGoRace(text: string): RaceAccess[] | null {
  return readRaceReport(text, GO_RACE);
}
