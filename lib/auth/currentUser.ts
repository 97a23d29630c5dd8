import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUserByToken, SESSION_COOKIE, type UserAuth } from "@/lib/auth/session";
import { isSetUp } from "@/lib/setup/isSetUp";

/** For server components: the signed-in user, or a redirect to /login (to /setup while nobody exists yet). */
export async function currentUserOrRedirect(nextPath: string): Promise<UserAuth> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const user = await getSessionUserByToken(token);
  if (user) return user;
  if (!(await isSetUp())) redirect("/setup");
  redirect(`/login?next=${encodeURIComponent(nextPath)}`);
}
