import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

let t: Tenant;
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  t = await createTenant("fwd-ui");
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test("an admin adds a forwarding rule, copies arrive and show in the forwarding log; a viewer only reads", async ({ page, context }) => {
  await signInAs(context, t.admin);
  await page.goto(`/settings?ws=${t.workspaceId}&project=${t.projectId}`);
  const form = page.getByRole("form", { name: "New forwarding rule" });
  await form.getByLabel("Send copies to").selectOption("webhook");
  await form.getByLabel("Rule name").fill("Ops endpoint");
  await form.getByLabel("Endpoint URL").fill(`${receiver.url}/ops`);
  await form.getByLabel("high").check();
  await form.getByRole("button", { name: "Add rule" }).click();

  const secret = page.getByTestId("signing-secret");
  await expect(secret).toHaveText(/^whsec_/);
  const row = page.getByTestId("forwarding-rule-row").filter({ hasText: "Ops endpoint" });
  await expect(row).toContainText("webhook");
  await expect(row).not.toContainText("/ops");

  expect((await postEvents(t.key, { type: "QueueStalled", message: "jobs stuck for 5 minutes", severity: "high" })).status).toBe(202);
  await receiver.waitFor((r) => r.path === "/ops");
  const logRow = page.getByTestId("forwarding-delivery-row").filter({ hasText: "QueueStalled" });
  // The log polls every 10 s: reloaded instead, until the delivery's outcome is recorded.
  await expect(async () => {
    await page.reload();
    await expect(logRow).toContainText("delivered", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(logRow).toContainText("Ops endpoint (webhook) · 1 attempt");
  await screenshotBothWidths(page, "settings-forwarding");

  await row.getByRole("button", { name: "Pause rule Ops endpoint" }).click();
  await expect(row).toContainText("paused");

  // Leave the page first: its polling queries would meet the cleared session (401s in the console).
  await page.goto("about:blank");
  await context.clearCookies();
  await signInAs(context, t.viewer);
  await page.goto(`/settings?ws=${t.workspaceId}&project=${t.projectId}`);
  await expect(page.getByText("Only workspace admins can change forwarding rules.")).toBeVisible();
  await expect(page.getByTestId("forwarding-rule-row")).toHaveCount(1);
  await expect(page.getByRole("form", { name: "New forwarding rule" })).toHaveCount(0);
});
