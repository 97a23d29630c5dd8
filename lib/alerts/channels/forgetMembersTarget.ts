import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * A person who left a workspace, or a team deleted, no longer stands in its "Faultline members"
 * channels' lists (the form would show an id nobody can resolve). A channel left with nobody to tell —
 * no member, no team, not the assignee — is turned off rather than kept as an empty recipient list.
 */
export async function forgetMembersTarget(tx: Tx, workspaceId: string, target: { userId: string } | { teamId: string }): Promise<void> {
  const [key, id] = "userId" in target ? ["userIds", target.userId] : ["teamIds", target.teamId];
  await tx.$executeRaw`
    UPDATE "NotificationChannel" SET
      config = jsonb_set(config, ARRAY[${key}], COALESCE((SELECT jsonb_agg(v) FROM jsonb_array_elements(config -> ${key}) v WHERE v <> to_jsonb(${id}::text)), '[]'::jsonb)),
      -- Counted before the removal: more than this one target named, or the assignee.
      enabled = enabled AND (
        jsonb_array_length(COALESCE(config -> 'userIds', '[]'::jsonb)) + jsonb_array_length(COALESCE(config -> 'teamIds', '[]'::jsonb)) > 1
        OR COALESCE((config ->> 'assignee')::boolean, false)
      ),
      "updatedAt" = now()
    WHERE "workspaceId" = ${workspaceId}::uuid AND kind = 'members' AND jsonb_typeof(config -> ${key}) = 'array' AND config -> ${key} ? ${id}`;
}
