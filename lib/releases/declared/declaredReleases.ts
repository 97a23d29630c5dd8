import { isHttpUrl } from "@/lib/http/httpUrlSchema";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import type { DeclaredRelease } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { previousReleaseHeads } from "@/lib/releases/commits/previousReleaseHeads";
import { setReleaseCommits } from "@/lib/releases/commits/setReleaseCommits";
import type { NewReleaseInput, UpdateReleaseInput } from "@/lib/releases/declared/declaredReleaseSchemas";
import { toReleaseCommits } from "@/lib/releases/declared/sentryCommits";
import { findWorkspaceProjects } from "@/lib/projects/findWorkspaceProjects";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/** A release as sentry-cli reads it back (its `ReleaseInfo`). */
export interface SentryReleaseInfo {
  version: string;
  url: string | null;
  dateCreated: string;
  dateReleased: string | null;
  projects: { slug: string; name: string }[];
  lastCommit: { id: string } | null;
}

/**
 * POST /api/0/organizations/:org/releases/ — `sentry-cli releases new` and Sentry's bundler
 * plugins: declares the release for its projects (slugs, ids or DSN ids), or adds projects to it
 * when it exists (created: false), keeping when it was first declared.
 */
export async function declareRelease(auth: AuthContext, org: string, input: NewReleaseInput): Promise<{ created: boolean; release: SentryReleaseInfo }> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  const projects = await findWorkspaceProjects(workspace.id, input.projects);
  const existing = await db().declaredRelease.findUnique({ where: { workspaceId_version: { workspaceId: workspace.id, version: input.version } } });
  const projectIds = [...new Set([...(existing?.projectIds ?? []), ...projects.map((p) => p.id)])];
  const row = await db().declaredRelease.upsert({
    where: { workspaceId_version: { workspaceId: workspace.id, version: input.version } },
    create: {
      id: uuidv7(),
      workspaceId: workspace.id,
      version: input.version,
      projectIds,
      url: input.url ?? null,
      ...(input.dateStarted && { createdAt: new Date(input.dateStarted) }),
      releasedAt: input.dateReleased ? new Date(input.dateReleased) : null,
    },
    update: { projectIds, ...(input.url && { url: input.url }), ...(input.dateReleased && { releasedAt: new Date(input.dateReleased) }) },
  });
  return { created: !existing, release: await releaseInfo(row) };
}

/** GET /api/0/organizations/:org/releases/:version/ — a declared release; 404 when no tool declared it. */
export async function getDeclaredRelease(auth: AuthContext, org: string, version: string): Promise<SentryReleaseInfo> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: false });
  return releaseInfo(await findDeclared(workspace.id, version));
}

/**
 * PUT /api/0/organizations/:org/releases/:version/ — `releases finalize` (dateReleased), `url`, more
 * projects, and `set-commits --local`: the commits git gave are set for each of the release's
 * projects, as PUT /api/v1/projects/:id/releases/:version/commits sets them (suspect commits, "Fixes"
 * resolutions); `refs: []` (`--clear`) removes them. Commits by repository reference need a
 * repository integration Faultline does not have: 400 naming `refs`.
 */
export async function updateDeclaredRelease(auth: AuthContext, org: string, version: string, input: UpdateReleaseInput): Promise<SentryReleaseInfo> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  const release = await findDeclared(workspace.id, version);
  if (input.refs && input.refs.length > 0) {
    throw ApiError.badRequest("commits by repository reference need a repository integration, which Faultline has not: use `sentry-cli releases set-commits --local`", { field: "refs" });
  }
  const added = input.projects ? await findWorkspaceProjects(workspace.id, input.projects) : [];
  const projectIds = [...new Set([...release.projectIds, ...added.map((p) => p.id)])];
  const commits = input.commits ? toReleaseCommits(input.commits) : input.refs ? { commits: [] } : undefined;
  if (commits) {
    const live = await db().project.findMany({ where: { id: { in: projectIds }, workspaceId: workspace.id }, select: { id: true } });
    for (const project of live) await setReleaseCommits(auth, project.id, version, commits);
  }
  const row = await db().declaredRelease.update({
    where: { id: release.id },
    data: {
      projectIds,
      ...(input.url !== undefined && { url: input.url }),
      ...(input.dateReleased !== undefined && { releasedAt: input.dateReleased ? new Date(input.dateReleased) : null }),
    },
  });
  return releaseInfo(row);
}

/**
 * GET /api/0/organizations/:org/releases/:version/previous-with-commits/ — where `set-commits
 * --local` starts its `git log` range: the newest commit of the release's projects' other releases
 * (`{}` when none has commits).
 */
export async function previousReleaseWithCommits(auth: AuthContext, org: string, version: string): Promise<SentryReleaseInfo | Record<string, never>> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: false });
  const release = await db().declaredRelease.findUnique({ where: { workspaceId_version: { workspaceId: workspace.id, version } } });
  const heads = (await Promise.all((release?.projectIds ?? []).map((id) => previousReleaseHeads(id, version)))).flat();
  heads.sort((a, b) => (b.committedAt ?? "").localeCompare(a.committedAt ?? ""));
  const head = heads[0];
  if (!head) return {};
  const previous = await db().declaredRelease.findUnique({ where: { workspaceId_version: { workspaceId: workspace.id, version: head.release } } });
  return {
    version: head.release,
    url: previous?.url && isHttpUrl(previous.url) ? previous.url : null,
    dateCreated: (previous?.createdAt ?? new Date(head.committedAt ?? Date.now())).toISOString(),
    dateReleased: previous?.releasedAt?.toISOString() ?? null,
    projects: [],
    lastCommit: { id: head.sha },
  };
}

async function findDeclared(workspaceId: string, version: string): Promise<DeclaredRelease> {
  const row = await db().declaredRelease.findUnique({ where: { workspaceId_version: { workspaceId, version } } });
  if (!row) throw new ApiError(404, "not_found", `release "${version}" not found: declare it first (sentry-cli releases new)`, { field: "version" });
  return row;
}

async function releaseInfo(row: DeclaredRelease): Promise<SentryReleaseInfo> {
  const projects = await db().project.findMany({ where: { id: { in: row.projectIds }, workspaceId: row.workspaceId }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
  const head = await db().releaseCommit.findFirst({ where: { projectId: { in: projects.map((p) => p.id) }, release: row.version, position: 0 }, select: { sha: true } });
  return {
    version: row.version,
    // Refused when sent since (LinkUrlSchema); one stored before is no link.
    url: row.url !== null && isHttpUrl(row.url) ? row.url : null,
    dateCreated: row.createdAt.toISOString(),
    dateReleased: row.releasedAt?.toISOString() ?? null,
    projects: projects.map((p) => ({ slug: p.slug, name: p.name })),
    lastCommit: head ? { id: head.sha } : null,
  };
}
