import { clientInfo } from "@/lib/auth/clientInfo";
import { sessionCookie } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { publicOrigin } from "@/lib/projects/publicOrigin";
import { runSetup } from "@/lib/setup/runSetup";
import { SetupSchema } from "@/lib/setup/setupSchemas";

/**
 * POST /api/v1/setup {name, email, password, workspaceName, projectName, platform?} — the first run:
 * 201 {workspaceId, project: {id, publicId, dsn, ingestKey, …}} and a session; 409 once any user exists.
 */
export const POST = handle(async (req: Request) => {
  const input = parseWith(SetupSchema, await readJson(req));
  const { session, workspaceId, project } = await runSetup(input, clientInfo(req), publicOrigin(req));
  return Response.json(
    { workspaceId, project },
    { status: 201, headers: { "set-cookie": sessionCookie(req, session.token, session.expiresAt), "cache-control": "no-store" } },
  );
});
