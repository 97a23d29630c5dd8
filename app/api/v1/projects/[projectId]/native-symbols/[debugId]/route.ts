import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { deleteNativeSymbols } from "@/lib/native/deleteNativeSymbols";
import { NativeSymbolParamsSchema } from "@/lib/native/nativeSymbolSchemas";

type Ctx = { params: Promise<{ projectId: string; debugId: string }> };

/** DELETE /api/v1/projects/:projectId/native-symbols/:debugId — the file goes; events already stored stay as they were symbolicated. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, debugId } = parseWith(NativeSymbolParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteNativeSymbols(auth, projectId, debugId);
  return new Response(null, { status: 204 });
});
