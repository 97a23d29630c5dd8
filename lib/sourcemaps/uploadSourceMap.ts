import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";
import { forgetDebugIdSourceMaps } from "@/lib/sourcemaps/debugIdSourceMaps";
import { parseValidSourceMap, SourceMapError, type SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { forgetReleaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";
import { toSourceMapDto } from "@/lib/sourcemaps/sourceMapDto";
import { storeSourceMap } from "@/lib/sourcemaps/storeSourceMap";

/**
 * POST /api/v1/projects/:projectId/sourcemaps — stores a source map for one minified file (members
 * and admins: a deploy step, usually with an API token), under `release` and, when the map carries
 * one (`debugId`, written by bundler plugins and `sentry-cli sourcemaps inject`), its debug ID —
 * then `release` may be left out. Uploading the same release and URL, or the same debug ID, again
 * replaces it. A body that is not a v3 source map is refused (422 naming `body`), as is one with
 * neither a release nor a debug ID (422 naming `release`), before anything is stored.
 */
export async function uploadSourceMap(auth: AuthContext, projectId: string, input: { release?: string; url: string }, body: Buffer) {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  let map: SourceMap;
  try {
    map = parseValidSourceMap(body.toString("utf8"));
  } catch (error) {
    if (error instanceof SourceMapError) throw ApiError.validation("not a source map", [{ path: "body", message: error.message }]);
    throw error;
  }
  if (!input.release && !map.debugId) throw ApiError.validation("release required", [{ path: "release", message: "required: the map carries no debugId to find it by" }]);
  const release = input.release ?? null;
  const row = await db().$transaction((tx) => storeSourceMap(tx, projectId, release, { url: input.url, debugId: map.debugId, content: body, sourceCount: map.sources.length }));
  if (release) forgetReleaseSourceMaps(projectId, release);
  if (map.debugId) forgetDebugIdSourceMaps(projectId, [map.debugId]);
  return toSourceMapDto(row);
}
