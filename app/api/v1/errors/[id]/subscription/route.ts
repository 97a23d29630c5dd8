import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { getIssueSubscription, setIssueSubscription } from "@/lib/notifications/issueSubscription";
import { IssueSubscriptionSchema } from "@/lib/notifications/notificationSchemas";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/subscription — whether (and why) you follow the issue. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await getIssueSubscription(auth, id));
});

/** PUT /api/v1/errors/:id/subscription `{subscribed}` — follow the issue or stop following it (every member). */
export const PUT = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(IssueSubscriptionSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await setIssueSubscription(auth, id, input));
});
