import type { Alert } from "@/lib/generated/prisma/client";

type AlertWithRefs = Alert & {
  errorGroup?: { id: string; type: string; message: string; status: string; severity: string } | null;
  project?: { id: string; name: string } | null;
};

/** The JSON shape of an alert (the dashboard's alerts panel). `value` is null for "from zero" spikes. */
export function toAlertDto(alert: AlertWithRefs) {
  return {
    id: alert.id,
    workspaceId: alert.workspaceId,
    title: alert.title,
    severity: alert.severity,
    status: alert.status,
    rule: { id: alert.ruleId, name: alert.ruleName, kind: alert.ruleKind },
    value: Number.isFinite(alert.value) ? alert.value : null,
    threshold: alert.threshold,
    count: alert.count,
    stage: alert.stage,
    project: alert.project ?? (alert.projectId ? { id: alert.projectId, name: null } : null),
    errorId: alert.errorGroupId,
    error: alert.errorGroup ?? null,
    firedAt: alert.firedAt.toISOString(),
    lastTriggeredAt: alert.lastTriggeredAt.toISOString(),
    escalatedAt: alert.escalatedAt?.toISOString() ?? null,
    nextEscalationAt: alert.nextEscalationAt?.toISOString() ?? null,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedById,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    resolvedBy: alert.resolvedById,
    resolution: alert.resolution,
  };
}

export type AlertDto = ReturnType<typeof toAlertDto>;

export const ALERT_REFS = {
  errorGroup: { select: { id: true, type: true, message: true, status: true, severity: true } },
  project: { select: { id: true, name: true } },
} as const;
