import { splitLines } from "@/lib/ingest/stacktrace/limits";

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
 */
export interface GoRaceAccess {
  /** "Write", "Read", "Atomic write", "Atomic read": the same for the first and the previous access. */
  kind: string;
  /** The access line as printed, without "Previous " and the colon: "Read at 0x00c0000b4018 by goroutine 12". */
  header: string;
  /** The stack's lines in parseGo's format (function line, then its indented location line). */
  lines: string[];
}

const WARNING = /^WARNING: DATA RACE$/;
const ACCESS = /^(?:Previous )?((?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite))( at 0x[0-9a-f]{1,16})? by (main goroutine|goroutine \d{1,10}):$/;
/** What ends an access's stack: the next access, a creation stack, the report's closing rule. */
const END = /^(?:Goroutine \d{1,10} \([^)\n]{1,32}\) created at:|={10,}|WARNING: DATA RACE)$/;

/** The two accesses of the first race report in `text`, in the order printed; null when it has none. */
export function readGoRace(text: string): GoRaceAccess[] | null {
  const lines = splitLines(text);
  const start = lines.findIndex((line) => WARNING.test(line.trim()));
  if (start < 0) return null;
  const accesses: GoRaceAccess[] = [];
  let current: GoRaceAccess | null = null;
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    const access = ACCESS.exec(line);
    if (access) {
      if (accesses.length === 2) break;
      const kind = capitalised(access[1].toLowerCase());
      current = { kind, header: `${kind}${access[2] ?? ""} by ${access[3]}`, lines: [] };
      accesses.push(current);
      continue;
    }
    if (END.test(line)) {
      if (accesses.length > 0) break;
      continue;
    }
    if (current && line) current.lines.push(raw);
  }
  return accesses.length > 0 ? accesses : null;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
