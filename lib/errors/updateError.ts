import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toErrorDetail } from "@/lib/errors/errorDto";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { onErrorStatusChanged } from "@/lib/alerts/onErrorStatusChanged";
import { latestReleaseOf } from "@/lib/errors/triage/latestRelease";
import { statusFields } from "@/lib/errors/triage/statusDetails";

type Tracked = "status" | "assigneeId" | "resolution" | "rootCause" | "preventiveMeasures";
const TRACKED: Tracked[] = ["status", "assigneeId", "resolution", "rootCause", "preventiveMeasures"];

/**
 * Changes status / assignee / resolution fields and writes one audit entry with before and after.
 * Resolving stamps resolvedAt and resolvedBy; reopening keeps the resolution text for history.
 */
export async function updateError(auth: AuthContext, errorId: string, input: UpdateErrorInput) {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const actorId = auth.kind === "user" ? auth.userId : null;

  if (input.assigneeId) {
    const member = await db().membership.findUnique({
      where: { userId_workspaceId: { userId: input.assigneeId, workspaceId: group.workspaceId } },
    });
    if (!member) throw ApiError.validation("assigneeId: not a member of this workspace", [{ path: "assigneeId", message: "not a member of this workspace" }]);
  }

  const { statusDetails, ...fields } = input;
  const now = new Date();
  const data: Prisma.ErrorGroupUpdateInput = { ...fields };
  if (input.status === "resolved" && group.status !== "resolved") {
    data.resolvedAt = now;
    data.resolvedById = actorId;
  }
  if (input.status && input.status !== "resolved" && group.status === "resolved") {
    data.resolvedAt = null;
  }
  if (input.status) {
    const latestRelease = statusDetails?.inNextRelease ? await latestReleaseOf(group.id) : null;
    Object.assign(data, statusFields(input.status, statusDetails, { ...group, latestRelease }, now));
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of TRACKED) {
    if (input[key] === undefined) continue;
    if (JSON.stringify(group[key]) === JSON.stringify(input[key])) continue;
    before[key] = group[key];
    after[key] = input[key];
  }
  if (statusDetails) after.statusDetails = statusDetails;

  const [updated] = await db().$transaction([
    db().errorGroup.update({ where: { id: group.id }, data }),
    ...(Object.keys(after).length
      ? [
          db().auditLog.create({
            data: {
              id: uuidv7(),
              workspaceId: group.workspaceId,
              actorId,
              actorType: "user",
              action: input.status && input.status !== group.status ? `error.${input.status}` : "error.updated",
              targetType: "error",
              targetId: group.id,
              before: before as Prisma.InputJsonValue,
              after: after as Prisma.InputJsonValue,
            },
          }),
        ]
      : []),
  ]);
  await onErrorStatusChanged(group, updated, actorId);
  return toErrorDetail(updated);
}
