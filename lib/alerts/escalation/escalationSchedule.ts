import type { AlertStatus, EscalationStage } from "@/lib/generated/prisma/enums";
import type { EscalationTimes } from "@/lib/alerts/escalation/escalationPolicy";

const ORDER: EscalationStage[] = ["initial", "escalate", "final"];

/** When each later stage is due, from the firing time; stages without a delay are skipped. */
function stageTimes(firedAt: Date, times: EscalationTimes): { stage: EscalationStage; at: Date }[] {
  const out: { stage: EscalationStage; at: Date }[] = [];
  if (times.escalateAfterSeconds !== null) out.push({ stage: "escalate", at: new Date(firedAt.getTime() + times.escalateAfterSeconds * 1000) });
  if (times.finalAfterSeconds !== null) out.push({ stage: "final", at: new Date(firedAt.getTime() + times.finalAfterSeconds * 1000) });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The first escalation time of a newly fired alert, or null when its rule never escalates. */
export function firstEscalationAt(firedAt: Date, times: EscalationTimes): Date | null {
  return stageTimes(firedAt, times)[0]?.at ?? null;
}

export interface EscalationAlert extends EscalationTimes {
  status: AlertStatus;
  stage: EscalationStage;
  firedAt: Date;
}

export interface EscalationStep {
  /** Every stage passed by `now`, in order (more than one when the evaluator was down for a while). */
  stages: EscalationStage[];
  stage: EscalationStage;
  nextEscalationAt: Date | null;
}

/**
 * What escalation is due at `now` for an alert: only active alerts escalate (acknowledging stops it).
 * Returns null when nothing is due. Pure: `now` is passed in, so tests never wait.
 */
export function dueEscalation(alert: EscalationAlert, now: Date): EscalationStep | null {
  if (alert.status !== "active") return null;
  const current = ORDER.indexOf(alert.stage);
  const later = stageTimes(alert.firedAt, alert).filter((s) => ORDER.indexOf(s.stage) > current);
  const due = later.filter((s) => s.at.getTime() <= now.getTime());
  if (due.length === 0) return null;
  const pending = later.filter((s) => s.at.getTime() > now.getTime());
  return {
    stages: due.map((s) => s.stage),
    stage: due[due.length - 1].stage,
    nextEscalationAt: pending[0]?.at ?? null,
  };
}
