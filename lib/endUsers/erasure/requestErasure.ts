import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { toErasureDto } from "@/lib/endUsers/erasure/erasureDto";
import { identifierHashes } from "@/lib/endUsers/erasure/identifierHashes";
import { identifierKinds, normaliseIdentifiers } from "@/lib/endUsers/erasureTerms";
import type { EraseEndUserInput } from "@/lib/endUsers/endUserSchemas";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { requestJobTurn } from "@/lib/jobs/startJobs";
import { PROJECT_DELETION_JOB } from "@/lib/projects/deletion/resumeProjectDeletions";

/**
 * POST /api/v1/workspaces/:id/end-users/erase (admins; a signed-in session or a write API token):
 * an end user's right to erasure. The erasure is recorded — its identifiers kept only until it has
 * run, their SHA-256 for good — and audited (`end_user.erasure_requested`, with the hashes, never
 * the identifiers); answered 202 with its id, whose status the caller polls (GET …/end-users/erasures/:id).
 * The project-deletion job, asked for a turn at once, deletes the user's events in every project of
 * the workspace with what they counted, then their other rows, and scrubs where they are still named
 * (lib/endUsers/erasure/runErasure.ts). `actorId` null: the admin CLI.
 */
export async function requestErasure(auth: AuthContext | null, workspaceId: string, input: EraseEndUserInput) {
  const actorId = auth ? (assertUser(auth), assertCanAdminister(auth, workspaceId), auth.userId) : null;
  const ids = normaliseIdentifiers(input);
  const hashes = identifierHashes(ids);
  const id = uuidv7();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.endUserErasure.create({ data: { id, workspaceId, requestedById: actorId, hashes, identifiers: { ...ids } } });
    await tx.auditLog.create({
      data: {
        id: uuidv7(),
        workspaceId,
        actorId,
        actorType: actorId ? "user" : "cli",
        action: "end_user.erasure_requested",
        targetType: "end_user_erasure",
        targetId: id,
        after: { identifiers: identifierKinds(ids), hashes },
      },
    });
    return created;
  });
  requestJobTurn(PROJECT_DELETION_JOB);
  const requester = actorId ? await db().user.findUnique({ where: { id: actorId }, select: { id: true, name: true, email: true } }) : null;
  return {
    ...toErasureDto(row, requester),
    next: "The erasure runs in the background (the project-deletion job): poll this erasure until its status is done. Its identifiers are dropped once it has run; only their SHA-256 hashes stay.",
  };
}
