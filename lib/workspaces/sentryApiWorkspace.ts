import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage, assertVisibleIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/**
 * The workspace sentry-cli's `--org` names (its slug, or its id) on its /api/0 routes, which the caller can see; 404 for
 * unknown ones and other workspaces alike (403 two_factor_required for one of theirs that keeps them out). Writes need a
 * member's role (`triage: true`).
 */
export async function sentryApiWorkspace(auth: AuthContext, org: string, options: { triage: boolean }) {
  const workspace = await db().workspace.findFirst({ where: isUuid(org) ? { id: org } : { slug: org }, select: { id: true, slug: true, name: true, createdAt: true } });
  const notFound = () => new ApiError(404, "not_found", `organization "${org}" not found`, { field: "org" });
  if (!workspace) throw notFound();
  assertVisibleIn(auth, workspace.id, notFound);
  if (options.triage) assertCanTriage(auth, workspace.id);
  return workspace;
}
