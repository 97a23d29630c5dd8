import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { updateError } from "@/lib/errors/updateError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { stopDiscardingGroup } from "@/lib/errors/triage/stopDiscardingGroup";

export interface DiscardState {
  errorId: string;
  /** When new events started being discarded, by whom, and how many have been dropped since (counted every few seconds); null when they are kept. */
  discarded: { since: string; byId: string | null; events: number; lastEventAt: string | null } | null;
}

/**
 * POST /api/v1/errors/:id/discard (members and admins): the issue is ignored and its new events —
 * by its fingerprint and every fingerprint that leads to it (merged, redirected) — are dropped at
 * ingest, counted as filtered (reason "discarded"), stored nowhere, against no quota. Audited.
 * Instances other than this one apply it within their settings cache's 10 s.
 */
export async function discardIssue(auth: AuthContext, errorId: string): Promise<DiscardState> {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  if (group.status !== "ignored" || group.ignoredUntil || group.ignoreUntilEvents || group.ignoreUntilUsers) await updateError(auth, group.id, { status: "ignored" });
  const actorId = auth.kind === "user" ? auth.userId : null;
  const redirects = await db().groupFingerprint.findMany({ where: { groupId: group.id }, select: { fingerprint: true } });
  const fingerprints = [...new Set([group.fingerprint, ...redirects.map((r) => r.fingerprint)])];
  await db().$transaction([
    db().discardedFingerprint.createMany({ data: fingerprints.map((fingerprint) => ({ projectId: group.projectId, fingerprint, groupId: group.id, actorId })), skipDuplicates: true }),
    db().auditLog.create({
      data: { id: uuidv7(), workspaceId: group.workspaceId, actorId, actorType: "user", action: "error.discarded", targetType: "error", targetId: group.id, after: { fingerprints } },
    }),
  ]);
  forgetIngestSettings(group.projectId);
  return discardStateOf(group.id);
}

/** DELETE /api/v1/errors/:id/discard (members and admins): new events are stored again (the status is left as it is). Audited. */
export async function stopDiscarding(auth: AuthContext, errorId: string): Promise<DiscardState> {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  await stopDiscardingGroup(group, auth.kind === "user" ? auth.userId : null);
  return discardStateOf(group.id);
}

export async function discardStateOf(groupId: string): Promise<DiscardState> {
  const rows = await db().discardedFingerprint.findMany({ where: { groupId }, orderBy: { createdAt: "asc" }, select: { createdAt: true, actorId: true, events: true, lastEventAt: true } });
  if (rows.length === 0) return { errorId: groupId, discarded: null };
  const last = rows.map((r) => r.lastEventAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    errorId: groupId,
    discarded: {
      since: rows[0].createdAt.toISOString(),
      byId: rows[0].actorId,
      events: rows.reduce((sum, r) => sum + r.events, 0),
      lastEventAt: last > 0 ? new Date(last).toISOString() : null,
    },
  };
}
