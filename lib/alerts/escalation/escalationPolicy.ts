import type { Severity } from "@/lib/generated/prisma/enums";

export interface EscalationTimes {
  escalateAfterSeconds: number | null;
  finalAfterSeconds: number | null;
}

/**
 * Seed 004's escalation per severity: critical escalates after 15 min and goes final after 30 min,
 * high after 1 h and 4 h, unless acknowledged. Medium and low never escalate. New rules copy these.
 */
export const ESCALATION_POLICY: Record<Severity, EscalationTimes> = {
  critical: { escalateAfterSeconds: 15 * 60, finalAfterSeconds: 30 * 60 },
  high: { escalateAfterSeconds: 60 * 60, finalAfterSeconds: 4 * 60 * 60 },
  medium: { escalateAfterSeconds: null, finalAfterSeconds: null },
  low: { escalateAfterSeconds: null, finalAfterSeconds: null },
};
