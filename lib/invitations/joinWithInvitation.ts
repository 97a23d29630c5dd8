import { auditRow, userActor } from "@/lib/audit/auditRow";
import { higherRole } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { pendingInvitation } from "@/lib/invitations/pendingInvitationsTo";

interface PendingInvitation {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
}

/**
 * Inside the caller's transaction: consumes a pending invitation (false, nothing changed, when it was
 * used, withdrawn or expired meanwhile — a concurrent accept took it: consuming first makes that
 * accept wait for this one and then find it used), then makes `account()` (the user, made now when
 * new) a member of its workspace with the invited role (an existing member keeps a higher one),
 * recorded in the workspace's activity. `via` says how it was accepted when not by its link.
 */
export async function joinWithInvitation(
  tx: Prisma.TransactionClient,
  invitation: PendingInvitation,
  account: () => Promise<{ id: string; email: string }>,
  details: { newAccount: boolean; via?: string },
): Promise<{ joined: false } | { joined: true; userId: string; role: Role }> {
  const consumed = await tx.invitation.updateMany({
    where: { id: invitation.id, ...pendingInvitation() },
    data: { acceptedAt: new Date() },
  });
  if (consumed.count === 0) return { joined: false };
  const user = await account();
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
  const key = { userId_workspaceId: { userId: user.id, workspaceId: invitation.workspaceId } };
  const current = await tx.membership.findUnique({ where: key });
  const role = current ? higherRole(current.role, invitation.role) : invitation.role;
  const membership = await tx.membership.upsert({ where: key, create: { userId: user.id, workspaceId: invitation.workspaceId, role }, update: { role } });
  const via = details.via ? { via: details.via } : {};
  await tx.auditLog.createMany({
    data: [
      auditRow({ workspaceId: invitation.workspaceId, actor: userActor(user.id), action: "invitation.accepted", targetType: "invitation", targetId: invitation.id, after: { email: invitation.email, role: invitation.role, newAccount: details.newAccount, ...via } }),
      auditRow({ workspaceId: invitation.workspaceId, actor: userActor(user.id), action: "member.added", targetType: "membership", targetId: membership.id, after: { userId: user.id, email: user.email, role, ...via } }),
    ],
  });
  return { joined: true, userId: user.id, role };
}
