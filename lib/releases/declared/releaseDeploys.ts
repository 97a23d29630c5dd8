import { isHttpUrl } from "@/lib/http/httpUrlSchema";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { ReleaseDeploy } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findWorkspaceProjects } from "@/lib/projects/findWorkspaceProjects";
import type { NewDeployInput } from "@/lib/releases/declared/declaredReleaseSchemas";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/** Deploys listed per release at most (the newest). */
const MAX_LISTED = 50;

/** A deploy as sentry-cli reads it back, and as the release page shows it. */
export interface DeployDto {
  id: string;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: string | null;
  dateFinished: string;
}

/**
 * POST /api/0/organizations/:org/releases/:version/deploys/ — `sentry-cli deploys new --release
 * <version> -e <environment>` (and the bundler plugins' `deploy` option): records that the release
 * reached the environment, finished now unless `dateFinished` says when. `projects`, when given, must
 * be the workspace's (404 naming `projects[i]`); the deploy is the workspace's release's.
 */
export async function createDeploy(auth: AuthContext, org: string, version: string, input: NewDeployInput): Promise<DeployDto> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  if (input.projects) await findWorkspaceProjects(workspace.id, input.projects);
  const row = await db().releaseDeploy.create({
    data: {
      id: uuidv7(),
      workspaceId: workspace.id,
      version,
      environment: input.environment,
      name: input.name || null,
      url: input.url ?? null,
      startedAt: input.dateStarted ? new Date(input.dateStarted) : null,
      ...(input.dateFinished && { finishedAt: new Date(input.dateFinished) }),
    },
  });
  return toDeployDto(row);
}

/** GET /api/0/organizations/:org/releases/:version/deploys/ — `sentry-cli deploys list`: newest first. */
export async function listDeploys(auth: AuthContext, org: string, version: string): Promise<DeployDto[]> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: false });
  return releaseDeploys(auth, workspace.id, version);
}

/** A release's deploys in a workspace the caller can see, newest first (the release page). */
export async function releaseDeploys(auth: AuthContext, workspaceId: string, version: string): Promise<DeployDto[]> {
  assertCanViewWorkspace(auth, workspaceId);
  const rows = await db().releaseDeploy.findMany({ where: { workspaceId, version }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }], take: MAX_LISTED });
  return rows.map(toDeployDto);
}

function toDeployDto(row: ReleaseDeploy): DeployDto {
  return {
    id: row.id,
    environment: row.environment,
    name: row.name,
    // Refused when sent since (LinkUrlSchema); one stored before is no link.
    url: row.url !== null && isHttpUrl(row.url) ? row.url : null,
    dateStarted: row.startedAt?.toISOString() ?? null,
    dateFinished: row.finishedAt.toISOString(),
  };
}
