import type { Role } from "@/lib/generated/prisma/enums";

/** Why a person with this role in a workspace cannot be assigned there (null: they can): not a member, or a viewer, who cannot act on issues. */
export function unassignableBecause(role: Role | null | undefined): string | null {
  if (!role) return "not a member of this workspace";
  if (role === "viewer") return "a viewer of this workspace (viewers cannot change issues)";
  return null;
}

/**
 * The rules that can assign now: a team's, or a person's who is still a member or admin of the
 * workspace (`roles`: the workspace's roles by user id). A rule whose person left or became a viewer
 * is passed over, so the next matching rule applies.
 */
export function assignableRules<R extends { assigneeUserId: string | null }>(rules: R[], roles: ReadonlyMap<string, Role>): R[] {
  return rules.filter((r) => r.assigneeUserId === null || unassignableBecause(roles.get(r.assigneeUserId)) === null);
}
