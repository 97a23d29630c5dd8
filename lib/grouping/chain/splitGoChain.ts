import { raceSections } from "@/lib/grouping/chain/raceSections";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";
import { readGoRace } from "@/lib/ingest/stacktrace/goRace";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";

/**
 * Go traces have one chain only when they are a race detector's report (goRace.ts): its two accesses
 * (raceSections.ts), without the stacks that started the goroutines. Anything else (panics,
 * runtime/debug.Stack()) is not split: [].
 */
export function splitGoChain(text: string): TraceSection[] {
  const race = readGoRace(text);
  return race ? raceSections(race, parseGo) : [];
}
