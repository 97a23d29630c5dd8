import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import type { ParticipationReason } from "@/lib/notifications/chooseRecipients";
import type { IssueSubscriptionInput } from "@/lib/notifications/notificationSchemas";

export interface IssueSubscriptionDto {
  /** Whether you hear of the issue's regressions, comments and resolutions. */
  subscribed: boolean;
  /** Why you take part in it, besides choosing to follow it. */
  reasons: Exclude<ParticipationReason, "subscriber">[];
  /** Your own choice: true (following), false (stopped following), null (none: you follow it while you take part). */
  choice: boolean | null;
  /** You muted the issue's project: without your own choice you are not told of it (unless assigned or mentioned). */
  projectMuted: boolean;
}

/** GET /api/v1/errors/:id/subscription — whether and why you follow the issue. */
export async function getIssueSubscription(auth: AuthContext, errorId: string): Promise<IssueSubscriptionDto> {
  assertUser(auth);
  const group = await findVisibleError(auth, errorId);
  return subscriptionOf(auth.userId, group);
}

/** PUT /api/v1/errors/:id/subscription `{subscribed}` — follow the issue, or stop following it (any member, viewers too). */
export async function setIssueSubscription(auth: AuthContext, errorId: string, input: IssueSubscriptionInput): Promise<IssueSubscriptionDto> {
  assertUser(auth);
  const group = await findVisibleError(auth, errorId);
  await db().issueSubscription.upsert({
    where: { userId_groupId: { userId: auth.userId, groupId: group.id } },
    create: { userId: auth.userId, groupId: group.id, subscribed: input.subscribed },
    update: { subscribed: input.subscribed },
  });
  return subscriptionOf(auth.userId, group);
}

async function subscriptionOf(
  userId: string,
  group: { id: string; projectId: string; assigneeId: string | null; assigneeTeamId: string | null; resolvedById: string | null },
): Promise<IssueSubscriptionDto> {
  const [choice, inTeam, commented, muted] = await Promise.all([
    db().issueSubscription.findUnique({ where: { userId_groupId: { userId, groupId: group.id } } }),
    group.assigneeTeamId ? db().teamMember.findUnique({ where: { teamId_userId: { teamId: group.assigneeTeamId, userId } } }) : null,
    db().errorComment.findFirst({ where: { groupId: group.id, authorId: userId }, select: { id: true } }),
    db().projectMute.findUnique({ where: { userId_projectId: { userId, projectId: group.projectId } } }),
  ]);
  const reasons: IssueSubscriptionDto["reasons"] = [];
  if (group.assigneeId === userId) reasons.push("assignee");
  if (inTeam) reasons.push("team");
  if (commented) reasons.push("commenter");
  if (group.resolvedById === userId) reasons.push("resolver");
  const explicit = choice ? choice.subscribed : null;
  return { subscribed: explicit ?? (reasons.length > 0 && !muted), reasons, choice: explicit, projectMuted: muted !== null };
}
