import { gzipSync } from "node:zlib";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findProject } from "@/lib/projects/findProject";
import { assertMappingsValid, parseSourceMap, SourceMapError } from "@/lib/sourcemaps/parseSourceMap";
import { toSourceMapDto } from "@/lib/sourcemaps/sourceMapDto";
import { forgetReleaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/**
 * POST /api/v1/projects/:projectId/sourcemaps — stores a release's source map for one minified file
 * (members and admins: a deploy step, usually with an API token); uploading the same release and
 * URL again replaces it. A body that is not a v3 source map is refused (422 naming `body`) before
 * anything is stored.
 */
export async function uploadSourceMap(auth: AuthContext, projectId: string, input: { release: string; url: string }, body: Buffer) {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const text = body.toString("utf8");
  let sourceCount: number;
  try {
    const map = parseSourceMap(text);
    assertMappingsValid(map);
    sourceCount = map.sources.length;
  } catch (error) {
    if (error instanceof SourceMapError) throw ApiError.validation("not a source map", [{ path: "body", message: error.message }]);
    throw error;
  }
  const content = gzipSync(body);
  const row = await db().sourceMap.upsert({
    where: { projectId_release_url: { projectId, release: input.release, url: input.url } },
    create: { id: uuidv7(), projectId, release: input.release, url: input.url, content, size: body.length, sourceCount },
    update: { content, size: body.length, sourceCount, createdAt: new Date() },
  });
  forgetReleaseSourceMaps(projectId, input.release);
  return toSourceMapDto(row);
}
