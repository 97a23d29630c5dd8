import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readBody } from "@/lib/http/readBody";
import { listNativeSymbols } from "@/lib/native/listNativeSymbols";
import { MAX_NATIVE_SYMBOL_BYTES } from "@/lib/native/nativeSymbolSchemas";
import { uploadNativeSymbols } from "@/lib/native/uploadNativeSymbols";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/native-symbols — the project's Breakpad symbol files (never their content). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listNativeSymbols(auth, projectId));
});

/** POST /api/v1/projects/:projectId/native-symbols — the body is a .sym file (gzip allowed); replaces what its debug ID had. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  const body = await readBody(req, { maxWireBytes: MAX_NATIVE_SYMBOL_BYTES, maxDecodedBytes: MAX_NATIVE_SYMBOL_BYTES });
  return Response.json(await uploadNativeSymbols(auth, projectId, body), { status: 201 });
});
