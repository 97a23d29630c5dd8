export const TEAM_INCLUDE = { members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" as const } } };

export function toTeamDto(team: { id: string; workspaceId: string; name: string; createdAt: Date; members: { user: { id: string; name: string; email: string } }[] }) {
  return {
    id: team.id,
    workspaceId: team.workspaceId,
    name: team.name,
    createdAt: team.createdAt.toISOString(),
    members: team.members.map((m) => m.user),
  };
}

export type TeamDto = ReturnType<typeof toTeamDto>;
