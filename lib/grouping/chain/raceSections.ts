import type { TraceSection } from "@/lib/grouping/chain/TraceSection";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import type { RaceAccess } from "@/lib/ingest/stacktrace/raceAccess";

/** The type a race report is titled by, as Go's detector's banner says. */
export const RACE_TYPE = "DATA RACE";

/**
 * A race detector's two accesses as a chain: the first the raised "DATA RACE" (its access line the
 * message), the other its cause, typed by its kind ("Read", "Write"). Which of the two is printed
 * first (found the race) and which as "Previous" depends on how the threads happened to be
 * scheduled, so they are put in a fixed order: accesses with a stack first, then by their function
 * names innermost first (`parse` reads an access's lines). Thread and goroutine ids, addresses and the
 * stacks that started the threads are not in it.
 */
export function raceSections(accesses: RaceAccess[], parse: (text: string) => Frame[] | null): TraceSection[] {
  const ordered = accesses.map((access) => ({ access, key: orderKey(parse(access.lines.join("\n")) ?? []) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ordered.map(({ access }, i) => ({
    type: i === 0 ? RACE_TYPE : access.kind,
    message: access.header,
    relation: i === 0 ? "raised" : "cause",
    body: access.lines.join("\n"),
  }));
}

/** The functions innermost first, without numbers (closures, gowrapN); a stack the detector lost sorts last. */
function orderKey(frames: Frame[]): string {
  if (frames.length === 0) return "\uffff";
  return frames
    .map((f) => `${f.module ?? ""}.${f.function ?? ""}`.replace(/\d+/g, ""))
    .reverse()
    .join("\n");
}
