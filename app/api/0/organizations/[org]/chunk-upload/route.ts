import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseMultipart } from "@/lib/http/parseMultipart";
import { parseWith } from "@/lib/http/parseWith";
import { publicOrigin } from "@/lib/projects/publicOrigin";
import { readBody } from "@/lib/http/readBody";
import { chunkUploadOptions } from "@/lib/sourcemaps/bundles/chunkUploadOptions";
import { MAX_CHUNK_REQUEST_BYTES } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { OrganizationParamsSchema } from "@/lib/workspaces/workspaceSchemas";
import { uploadChunks } from "@/lib/sourcemaps/bundles/uploadChunks";

type Ctx = { params: Promise<{ org: string }> };

/** GET /api/0/organizations/:org/chunk-upload/ — sentry-cli's first ask: how to send an artifact bundle (chunk size, where, checksum). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await chunkUploadOptions(auth, org, publicOrigin(req)));
});

/** POST /api/0/organizations/:org/chunk-upload/ — pieces of an artifact bundle, as multipart files named by their SHA-1 (`file`, or `file_gzip`). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const auth = await requireSessionUser(req);
  const body = await readBody(req, { maxWireBytes: MAX_CHUNK_REQUEST_BYTES, maxDecodedBytes: MAX_CHUNK_REQUEST_BYTES });
  const parts = parseMultipart(body, req.headers.get("content-type") ?? undefined).map((p) => ({ field: p.name, filename: p.filename ?? "", data: p.body }));
  await uploadChunks(auth, org, parts);
  return Response.json({});
});
