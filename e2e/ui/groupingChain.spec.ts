import { query } from "@/e2e/support/dbCounts";
import { startCrossOriginSite } from "@/e2e/support/crossOriginSite";
import { createTenant } from "@/e2e/support/tenant";
import { expect, test } from "@playwright/test";
import { signInAs } from "@/e2e/ui/fixtures";

test("an error with a cause thrown in Chromium through @sentry/browser is one issue, its chain shown in the details", async ({ page, context }) => {
  const t = await createTenant("chain-browser");
  const app = new URL(process.env.APP_URL ?? "http://127.0.0.1:3100");
  const site = await startCrossOriginSite(`http://${t.key}@${app.host}/${t.projectPublicId}`);
  // The customer page's own uncaught error is the point of this test, so the console guard of
  // e2e/ui/fixtures is not used; Faultline's own pages must still log nothing.
  const appErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && msg.location().url.startsWith(app.origin)) appErrors.push(msg.text());
  });
  try {
    await page.goto(site.url);
    await page.click("#order");
    const groupsOf = () => query<{ id: string; type: string; message: string; occurrenceCount: number }>(`SELECT id, type, message, "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
    await expect.poll(groupsOf, { timeout: 15_000 }).toHaveLength(1);
    const groups = await groupsOf();
    expect(groups[0]).toMatchObject({ type: "Error", message: "order could not be placed", occurrenceCount: 1 });
    const [occ] = await query<{ exceptions: { type: string; message: string }[] }>(`SELECT exceptions FROM "ErrorOccurrence" WHERE "groupId" = $1`, [groups[0].id]);
    expect(occ.exceptions.map((e) => [e.type, e.message])).toEqual([
      ["Error", "order could not be placed"],
      ["TypeError", "stock service answered 503"],
    ]);

    await signInAs(context, t.member);
    await page.goto(`/?ws=${t.workspaceId}&error=${groups[0].id}`);
    const chain = page.getByTestId("exception-chain");
    await expect(chain.getByTestId("chain-exception")).toHaveCount(2);
    await expect(chain).toContainText("Caused by");
    await expect(chain).toContainText("stock service answered 503");
    await expect(chain).toContainText("reserveStock");
    expect(appErrors).toEqual([]);
  } finally {
    await site.close();
  }
});
