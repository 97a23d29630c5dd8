import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A "Faultline members" channel names members and teams of its own workspace: 422 naming
 * `config.userIds[i]` or `config.teamIds[i]` otherwise. Ids the channel named already (`kept`) pass:
 * someone who left since is simply not told (the channel resolves its people when it sends), and an
 * edit that sends the list back is not refused for them.
 */
export async function assertMembersTargets(workspaceId: string, config: object, kept: object = {}): Promise<void> {
  const targets: { userIds?: unknown; teamIds?: unknown } = config;
  const had: { userIds?: unknown; teamIds?: unknown } = kept;
  const keptIds = new Set([...idList(had.userIds), ...idList(had.teamIds)]);
  const userIds = idList(targets.userIds);
  const teamIds = idList(targets.teamIds);
  const [members, teams] = await Promise.all([
    userIds.length ? db().membership.findMany({ where: { workspaceId, userId: { in: userIds } }, select: { userId: true } }) : [],
    teamIds.length ? db().team.findMany({ where: { workspaceId, id: { in: teamIds } }, select: { id: true } }) : [],
  ]);
  const knownUsers = new Set(members.map((m) => m.userId));
  const knownTeams = new Set(teams.map((t) => t.id));
  const badUser = userIds.findIndex((id) => !knownUsers.has(id) && !keptIds.has(id));
  if (badUser >= 0) throw notIn(`config.userIds[${badUser}]`, "member");
  const badTeam = teamIds.findIndex((id) => !knownTeams.has(id) && !keptIds.has(id));
  if (badTeam >= 0) throw notIn(`config.teamIds[${badTeam}]`, "team");
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function notIn(path: string, what: string): ApiError {
  const message = `not a ${what} of this workspace`;
  return ApiError.validation(`${path}: ${message}`, [{ path, message }]);
}
