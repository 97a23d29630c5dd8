import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/session";
import { CreateIssueLinkSchema, createIssueLink, listIssueLinks } from "@/lib/errors/links/issueLinks";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { IdSchema } from "@/lib/domain/idSchema";

type Ctx = { params: Promise<{ id: string }> };
const ParamsSchema = z.object({ id: IdSchema });

/** GET /api/v1/errors/:id/links — where the issue is tracked elsewhere (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(ParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listIssueLinks(auth, id));
});

/** POST /api/v1/errors/:id/links `{url, title?}` — members and admins; audited. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(ParamsSchema, await params);
  const input = parseWith(CreateIssueLinkSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createIssueLink(auth, id, input), { status: 201 });
});
