import type { Severity } from "@/lib/domain/severity";

const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 1, high: 0.75, medium: 0.5, low: 0.25 };

/**
 * Priority 0–100 of an unresolved error: 40 % severity, 30 % frequency in the window (log scale,
 * full at 10,000 events), 20 % users affected (log scale, full at 1,000 users), 10 % age (full at a
 * week: an error left open for long deserves a look).
 */
export function priorityScore(input: { severity: Severity; count: number; users: number; ageHours: number }): number {
  const frequency = Math.min(1, Math.log10(1 + input.count) / 4);
  const users = Math.min(1, Math.log10(1 + input.users) / 3);
  const age = Math.min(1, Math.max(0, input.ageHours) / 168);
  const score = 40 * SEVERITY_WEIGHT[input.severity] + 30 * frequency + 20 * users + 10 * age;
  return Math.round(score * 10) / 10;
}
