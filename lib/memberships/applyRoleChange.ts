import { disableRulesOf } from "@/lib/assignment/disableRulesOf";
import { unassignPeople } from "@/lib/assignment/unassignPeople";
import type { AuditActor } from "@/lib/audit/auditRow";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { revokeInvitationsBy } from "@/lib/invitations/revokeInvitationsBy";

type Tx = Pick<Prisma.TransactionClient, "invitation" | "$queryRawUnsafe">;

/**
 * What a role change takes away, inside the transaction that changes it (the app's PATCH and the
 * admin CLI's member:add alike): a demoted admin's pending invitations are withdrawn (only admins
 * invite); someone made a viewer can no longer triage, so is no assignee either — taken off the
 * workspace's issues (each audited) and their assignment rules turned off (audited).
 */
export async function applyRoleChange(tx: Tx, change: { workspaceId: string; userId: string; from: Role; to: Role }, actor: AuditActor) {
  const { workspaceId, userId } = change;
  const invitationsRevoked = change.from === "admin" && change.to !== "admin" ? await revokeInvitationsBy(tx, workspaceId, userId) : 0;
  const toViewer = change.from !== "viewer" && change.to === "viewer";
  const issuesUnassigned = toViewer ? await unassignPeople(tx, { workspaceId, userIds: [userId] }, actor, "became_viewer") : 0;
  const rulesDisabled = toViewer ? await disableRulesOf(tx, workspaceId, userId, actor, "became_viewer") : 0;
  return { invitationsRevoked, issuesUnassigned, rulesDisabled };
}
