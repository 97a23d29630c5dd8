import type { ChannelKind, EscalationStage, Severity } from "@/lib/generated/prisma/enums";

export interface RoutableChannel {
  id: string;
  kind: ChannelKind;
  enabled: boolean;
  severities: Severity[];
  stages: EscalationStage[];
  /** Only alerts of these projects; empty (or absent): every alert. */
  projectIds?: string[] | null;
}

/**
 * Seed 004's routing: each severity has its channels (critical: Slack, email, PagerDuty; high:
 * Slack, email; medium: Slack; low: the dashboard only — Discord and Teams are chat like Slack), and each escalation stage re-notifies the
 * channels subscribed to it. A channel is notified for an alert stage when it is enabled, subscribed
 * to both the alert's severity and that stage, and either takes every project's alerts or names the
 * alert's project (an alert of no project — workspace-wide — only reaches channels of every project).
 * fireAlerts.ts routes a new alert's first notifications by the same rule, in SQL.
 */
export function channelsFor<C extends RoutableChannel>(channels: C[], severity: Severity, stage: EscalationStage, projectId: string | null): C[] {
  return channels.filter((c) => c.enabled && c.severities.includes(severity) && c.stages.includes(stage) && coversProject(c, projectId));
}

function coversProject(channel: RoutableChannel, projectId: string | null): boolean {
  const only = channel.projectIds ?? [];
  return only.length === 0 || (projectId !== null && only.includes(projectId));
}

/**
 * Machine consumers that track incident state get acknowledgements and resolutions too (PagerDuty
 * closes its incident, a webhook receiver updates its record); people on Slack, Discord, Teams,
 * email and in Faultline's own inbox are not paged again for them.
 */
export const FOLLOW_UP_KINDS: ChannelKind[] = ["pagerduty", "webhook"];

/** Seed 004's channel-per-severity table as the default subscription of a new channel of each kind. */
export const DEFAULT_SEVERITIES: Record<ChannelKind, Severity[]> = {
  pagerduty: ["critical"],
  email: ["critical", "high"],
  slack: ["critical", "high", "medium"],
  discord: ["critical", "high", "medium"],
  teams: ["critical", "high", "medium"],
  webhook: ["critical", "high", "medium", "low"],
  members: ["critical", "high"],
};

export const ALL_STAGES: EscalationStage[] = ["initial", "escalate", "final"];
