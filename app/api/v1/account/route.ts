import { UpdateAccountSchema } from "@/lib/account/accountSchemas";
import { getAccount } from "@/lib/account/getAccount";
import { updateAccount } from "@/lib/account/updateAccount";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/** GET /api/v1/account — your profile. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await getAccount(auth));
});

/** PATCH /api/v1/account {name?, timeZone?} — change your name or how times are shown to you. */
export const PATCH = handle(async (req: Request) => {
  const input = parseWith(UpdateAccountSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateAccount(auth, input));
});
