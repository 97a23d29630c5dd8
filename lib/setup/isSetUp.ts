import { db } from "@/lib/db/prisma";

// Once a user exists it stays so (users are never all deleted), so a true answer is kept per
// process; a false one is asked again each time, as another instance may have run the setup.
let setUp = false;

/** Whether Faultline has any user: until then every page leads to /setup. */
export async function isSetUp(): Promise<boolean> {
  if (setUp) return true;
  setUp = (await db().user.findFirst({ select: { id: true } })) !== null;
  return setUp;
}
