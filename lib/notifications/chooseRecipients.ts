import { DEFAULT_PREFERENCES, type NotificationDelivery, type NotificationKind, type NotificationPreferences } from "@/lib/notifications/notificationKinds";
import type { WorkflowSource } from "@/lib/notifications/workflowSources";

/** Why someone takes part in an issue. */
export type ParticipationReason = "assignee" | "team" | "commenter" | "resolver" | "subscriber";

/** What the job knows of one issue's people and one workspace's. */
export interface RecipientContext {
  /** The participants with their reasons (explicit unsubscriptions already removed). */
  participants: Map<string, Set<ParticipationReason>>;
  /** Members of the teams an audience names. */
  teamMembers: Map<string, string[]>;
  /** The workspace's members: nobody else is told anything of its issues. */
  members: Set<string>;
  /** People's own choices; the defaults for anyone without a row. */
  preferences: Map<string, NotificationPreferences>;
}

export interface Recipient {
  userId: string;
  kind: NotificationKind;
  delivery: Exclude<NotificationDelivery, "off">;
}

/**
 * Who is told of a source and how: its audience, less whoever caused it, anyone no longer a member,
 * and anyone who turned the kind off. A named person (assigned, mentioned) is told even of an issue
 * they stopped following; the participants only while they follow it.
 */
export function chooseRecipients(source: WorkflowSource, ctx: RecipientContext): Recipient[] {
  const candidates = new Set<string>();
  if (source.audience === "participants") {
    for (const userId of ctx.participants.keys()) candidates.add(userId);
  } else {
    for (const userId of source.audience.users) candidates.add(userId);
    for (const teamId of source.audience.teams) for (const userId of ctx.teamMembers.get(teamId) ?? []) candidates.add(userId);
  }
  const out: Recipient[] = [];
  for (const userId of candidates) {
    if (userId === source.actorId || !ctx.members.has(userId)) continue;
    const delivery = (ctx.preferences.get(userId) ?? DEFAULT_PREFERENCES)[source.kind];
    if (delivery === "off") continue;
    out.push({ userId, kind: source.kind, delivery });
  }
  return out;
}
