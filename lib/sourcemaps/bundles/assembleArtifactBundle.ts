import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { findWorkspaceProjects } from "@/lib/projects/findWorkspaceProjects";
import { ArtifactBundleError, readArtifactBundle, type BundledSourceMap } from "@/lib/sourcemaps/bundles/artifactBundle";
import { MAX_BUNDLE_BYTES, type AssembleBundleInput, type AssembleState } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { gatherChunks } from "@/lib/sourcemaps/bundles/gatherChunks";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";
import { forgetDebugIdSourceMaps } from "@/lib/sourcemaps/debugIdSourceMaps";
import { forgetReleaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";
import { lockReleaseUrls, storeSourceMap } from "@/lib/sourcemaps/storeSourceMap";

export interface AssembleResult {
  state: AssembleState;
  missingChunks: string[];
  detail: string | null;
}

/**
 * POST /api/0/organizations/:org/artifactbundle/assemble/ — sentry-cli's last step of
 * `sourcemaps upload`: while chunks are missing it answers `not_found` with their checksums (the
 * client sends them and asks again); once all are here the bundle is put together, checked against
 * its checksum, read (lib/sourcemaps/bundles/artifactBundle.ts) and its maps stored in each named
 * project — by debug ID, and under the release when the upload names one — in one transaction:
 * `ok`, or `error` with what is wrong (sentry-cli prints it and fails the build step), storing
 * nothing. Chunks stay for CHUNK_TTL_MS, so the client's repeated ask is answered the same way.
 */
export async function assembleArtifactBundle(auth: AuthContext, org: string, input: AssembleBundleInput): Promise<AssembleResult> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  const projects = await findWorkspaceProjects(workspace.id, input.projects);
  const gathered = await gatherChunks(workspace.id, input.chunks, input.checksum, MAX_BUNDLE_BYTES);
  if ("missing" in gathered) return { state: "not_found", missingChunks: gathered.missing, detail: null };
  if ("error" in gathered) return failed(gathered.error);
  let maps: BundledSourceMap[];
  try {
    maps = readArtifactBundle(gathered.content, { release: input.version ?? null });
  } catch (error) {
    if (error instanceof ArtifactBundleError) return failed(error.message);
    throw error;
  }
  await storeBundleMaps(projects.map((p) => p.id), input.version ?? null, maps);
  for (const project of projects) {
    if (input.version) forgetReleaseSourceMaps(project.id, input.version);
    forgetDebugIdSourceMaps(project.id, maps.flatMap((m) => (m.debugId ? [m.debugId] : [])));
  }
  return { state: "ok", missingChunks: [], detail: null };
}

function failed(detail: string): AssembleResult {
  return { state: "error", missingChunks: [], detail };
}

/**
 * The maps in each project, in one transaction (lib/sourcemaps/storeSourceMap.ts says what each
 * replaces). Under a release every project's URLs are locked first, projects in one order: two
 * bundles of the release assembled at once wait for each other instead of colliding or deadlocking.
 */
async function storeBundleMaps(projectIds: string[], release: string | null, maps: BundledSourceMap[]): Promise<void> {
  await db().$transaction(
    async (tx) => {
      if (release) {
        for (const projectId of [...projectIds].sort()) await lockReleaseUrls(tx, projectId, release, maps.map((m) => m.url));
      }
      for (const projectId of projectIds) {
        for (const map of maps) await storeSourceMap(tx, projectId, release, map);
      }
    },
    { timeout: 60_000 },
  );
}
