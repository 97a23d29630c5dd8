import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { InboundFiltersSchema } from "@/lib/ingest/filters/inboundFilterSchema";
import { getInboundFilters, saveInboundFilters } from "@/lib/projects/inboundFilters";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:id/inbound-filters — the project's inbound filters and what they dropped (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getInboundFilters(auth, projectId));
});

/** PUT /api/v1/projects/:id/inbound-filters — replaces them (admins; omitted fields are off / empty); applies to new events. */
export const PUT = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const filters = parseWith(InboundFiltersSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await saveInboundFilters(auth, projectId, filters));
});
