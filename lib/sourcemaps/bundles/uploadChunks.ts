import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { CHUNK_SIZE, CHUNKS_PER_REQUEST } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/** One part of a chunk-upload request: its form field (`file`, or `file_gzip` compressed), its file name (the chunk's SHA-1) and bytes. */
export interface ChunkPart {
  field: string;
  filename: string;
  data: Buffer;
}

/**
 * POST /api/0/organizations/:org/chunk-upload/ — stores pieces of an artifact bundle until it is
 * assembled. Each part is checked before anything is stored: its field, its name being the SHA-1
 * of its (decompressed) bytes, its size; a bad part is a 400 naming it (`file[2]`). A chunk sent
 * twice is stored once.
 */
export async function uploadChunks(auth: AuthContext, org: string, parts: ChunkPart[]): Promise<void> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  if (parts.length === 0) throw ApiError.badRequest("no chunks: send each as a multipart file named by its SHA-1", { field: "file" });
  if (parts.length > CHUNKS_PER_REQUEST) throw ApiError.badRequest(`at most ${CHUNKS_PER_REQUEST} chunks per request`, { field: "file" });
  const chunks = parts.map((part, i) => {
    const field = `file[${i}]`;
    if (part.field !== "file" && part.field !== "file_gzip") throw ApiError.badRequest(`unknown field "${part.field}": chunks are sent as file or file_gzip`, { field });
    let data = part.data;
    if (part.field === "file_gzip") {
      try {
        data = gunzipSync(part.data, { maxOutputLength: CHUNK_SIZE });
      } catch {
        throw ApiError.badRequest(`not gzip, or larger than ${CHUNK_SIZE} bytes once decompressed`, { field });
      }
    }
    if (data.length > CHUNK_SIZE) throw ApiError.badRequest(`a chunk is at most ${CHUNK_SIZE} bytes`, { field });
    const checksum = createHash("sha1").update(data).digest("hex");
    if (checksum !== part.filename.trim().toLowerCase()) throw ApiError.badRequest(`its name must be the SHA-1 of its bytes (${checksum})`, { field });
    return { workspaceId: workspace.id, checksum, content: new Uint8Array(data) };
  });
  await db().uploadChunk.createMany({ data: chunks, skipDuplicates: true });
}
