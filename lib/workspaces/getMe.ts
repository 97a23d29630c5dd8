import type { UserAuth } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** The signed-in user with their workspaces (role included) and each workspace's projects. */
export async function getMe(auth: UserAuth) {
  const [memberships, user] = await Promise.all([
    db().membership.findMany({
      // A workspace being deleted is in no one's list (nor switcher) from the moment its deletion began.
      where: { userId: auth.userId, workspace: { deletingAt: null } },
      include: { workspace: { include: { projects: { where: { deletingAt: null }, select: { id: true, name: true, slug: true, publicId: true }, orderBy: { createdAt: "asc" } } } } },
      orderBy: { createdAt: "asc" },
    }),
    db().user.findUnique({ where: { id: auth.userId }, select: { timeZone: true } }),
  ]);
  return {
    /**
     * timeZone: how times are shown to this person (an IANA zone, "local" or null for UTC); operator:
     * the instance operator, who sees the instance-wide status figures.
     */
    user: { id: auth.userId, email: auth.email, name: auth.name, timeZone: user?.timeZone ?? null, operator: auth.operator === true },
    workspaces: memberships.map((m) => {
      /** Closed to this user until they turn on two-factor sign-in (its projects are not listed). */
      const twoFactorBlocked = auth.twoFactorBlocked?.includes(m.workspace.id) ?? false;
      return {
        id: m.workspace.id,
        name: m.workspace.name,
        slug: m.workspace.slug,
        role: m.role,
        requireTwoFactor: m.workspace.requireTwoFactor,
        twoFactorBlocked,
        projects: twoFactorBlocked ? [] : m.workspace.projects,
      };
    }),
  };
}

export type Me = Awaited<ReturnType<typeof getMe>>;
