import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { toErasureDto, type ErasureRow } from "@/lib/endUsers/erasure/erasureDto";
import { ApiError } from "@/lib/http/ApiError";

/** Erasures a list shows: the latest, newest first. */
const LISTED = 50;

/** GET /api/v1/workspaces/:id/end-users/erasures (admins): the latest erasures, newest first. */
export async function listErasures(auth: AuthContext, workspaceId: string) {
  assertCanAdminister(auth, workspaceId);
  const rows = await db().endUserErasure.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LISTED });
  return { items: await withRequesters(rows) };
}

/** GET /api/v1/workspaces/:id/end-users/erasures/:erasureId (admins): one erasure's status. */
export async function getErasure(auth: AuthContext, workspaceId: string, erasureId: string) {
  assertCanAdminister(auth, workspaceId);
  const row = await db().endUserErasure.findFirst({ where: { id: erasureId, workspaceId } });
  if (!row) throw ApiError.notFound("erasure not found");
  return (await withRequesters([row]))[0];
}

async function withRequesters(rows: ErasureRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.requestedById ? [r.requestedById] : [])))];
  const users = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  return rows.map((r) => toErasureDto(r, r.requestedById ? (users.get(r.requestedById) ?? null) : null));
}
