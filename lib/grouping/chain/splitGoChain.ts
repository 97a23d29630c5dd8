import type { TraceSection } from "@/lib/grouping/chain/TraceSection";
import { readGoRace, type GoRaceAccess } from "@/lib/ingest/stacktrace/goRace";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";

/** The type a race report is titled by, as the detector's banner says. */
export const GO_RACE_TYPE = "DATA RACE";

/**
 * Go traces have one chain only when they are a race detector's report (goRace.ts): the race is two
 * accesses, each an exception of the chain — the first the raised "DATA RACE" (its access line the
 * message), the other its cause, typed by its kind ("Read", "Write"). Which of the two is printed
 * first (found the race) and which as "Previous" depends on how the goroutines happened to be
 * scheduled, so they are put in a fixed order: accesses with a stack first, then by their function
 * names innermost first. Goroutine ids, addresses and the stacks that started the goroutines are left
 * out. Anything else (panics, runtime/debug.Stack()) is not split: [].
 */
export function splitGoChain(text: string): TraceSection[] {
  const race = readGoRace(text);
  if (!race) return [];
  const ordered = race.map((access) => ({ access, key: orderKey(access) })).sort((a, b) => compare(a.key, b.key));
  return ordered.map(({ access }, i) => ({
    type: i === 0 ? GO_RACE_TYPE : access.kind,
    message: access.header,
    relation: i === 0 ? "raised" : "cause",
    body: access.lines.join("\n"),
  }));
}

/** The access's functions innermost first, without numbers (closures, gowrapN); a stack the detector lost sorts last. */
function orderKey(access: GoRaceAccess): string {
  const frames = parseGo(access.lines.join("\n")) ?? [];
  if (frames.length === 0) return "\uffff";
  return frames
    .map((f) => `${f.module ?? ""}.${f.function ?? ""}`.replace(/\d+/g, ""))
    .reverse()
    .join("\n");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
