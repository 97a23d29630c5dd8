import { raceSections } from "@/lib/grouping/chain/raceSections";
import type { TraceSection } from "@/lib/grouping/chain/TraceSection";
import { parseNative } from "@/lib/ingest/stacktrace/parseNative";
import { readThreadSanitizerRace } from "@/lib/ingest/stacktrace/tsanRace";

/**
 * Native traces have one chain only when they are ThreadSanitizer's data race report (tsanRace.ts):
 * its two accesses (raceSections.ts), without where the memory was allocated or the threads were
 * created. Anything else is not split: [].
 */
export function splitNativeChain(text: string): TraceSection[] {
  const race = readThreadSanitizerRace(text);
  return race ? raceSections(race, parseNative) : [];
}
