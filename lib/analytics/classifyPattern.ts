export type PatternKind = "isolated" | "burst" | "recurring" | "intermittent";

const HOUR = 3_600_000;

/**
 * Seed 004's pattern rules over a group's events in the window, with one deliberate change: a burst
 * is tested before "recurring", so 500 errors in five minutes read as a burst, not a recurring error.
 * - isolated: a single occurrence
 * - burst: all occurrences within one hour
 * - recurring: more than 10 occurrences spread over more than an hour
 * - intermittent: 2–10 occurrences spread over more than an hour
 */
export function classifyPattern(input: { count: number; firstAt: Date; lastAt: Date }): PatternKind {
  if (input.count <= 1) return "isolated";
  if (input.lastAt.getTime() - input.firstAt.getTime() < HOUR) return "burst";
  if (input.count > 10) return "recurring";
  return "intermittent";
}
