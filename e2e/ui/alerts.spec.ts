import { alertsOf, errorEvent, waitUntil } from "@/e2e/support/alertHelpers";
import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("alerts");
});

test("a critical error raises an alert that can be acknowledged and resolved", async ({ page, context }) => {
  // The default "Critical error" rule fires on the first critical event.
  expect((await postEvents(t.key, { type: "PaymentGatewayDown", message: "gateway returned 503", severity: "critical" })).status).toBe(202);
  await signInAs(context, t.member);
  await page.goto("/");
  const panel = page.getByRole("region", { name: /Active alerts/ });
  const alert = panel.getByRole("listitem").filter({ hasText: "Critical error: PaymentGatewayDown" });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText("ACTIVE");
  await screenshotBothWidths(page, "alerts");

  await alert.getByRole("button", { name: "Acknowledge" }).click();
  await expect(alert).toContainText("ACKNOWLEDGED");
  await page.reload();
  await expect(alert).toContainText("ACKNOWLEDGED");

  await alert.getByRole("button", { name: "Resolve" }).click();
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(panel.getByRole("listitem").filter({ hasText: "New issue: PaymentGatewayDown" })).toBeVisible();
  await expect(alert).toHaveCount(0);

  // A notification's link to the alert (`?alert=`) shows it, resolved, above the open ones.
  const [resolved] = (await alertsOf(t.workspaceId)).filter((a) => a.status === "resolved");
  await page.goto(`/?ws=${t.workspaceId}&alert=${resolved.id}`);
  await expect(panel.getByText("The alert you followed is no longer open")).toBeVisible();
  await expect(panel.getByTestId("linked-alert")).toContainText("Critical error: PaymentGatewayDown");
  await expect(panel.getByTestId("linked-alert")).toContainText("RESOLVED");

  // An issue's alert links to the issue's page: its open alerts there, the linked one marked, acted on in place.
  await page.goto(`/errors/${resolved.errorGroupId}?alert=${resolved.id}`);
  const issueAlerts = page.getByRole("region", { name: /Open alerts/ });
  await expect(issueAlerts.getByTestId("linked-alert")).toContainText("RESOLVED");
  const newIssue = issueAlerts.getByRole("listitem").filter({ hasText: "New issue: PaymentGatewayDown" });
  await newIssue.getByRole("button", { name: "Acknowledge" }).click();
  await expect(newIssue).toContainText("ACKNOWLEDGED");

  // Resolving the issue closes its open alerts on the server: the panel follows at once. The page is
  // made hidden first — TanStack Query polls visible pages only — so the next poll cannot clear it.
  await page.goto(`/errors/${resolved.errorGroupId}`);
  await expect(issueAlerts.getByRole("listitem")).toHaveCount(1);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await page.getByTestId("issue-header").getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByTestId("issue-header").getByRole("button", { name: "Reopen" })).toBeEnabled();
  await expect(issueAlerts).toHaveCount(0);
  expect((await alertsOf(t.workspaceId)).filter((a) => a.errorGroupId === resolved.errorGroupId && a.status !== "resolved")).toEqual([]);
});

test("a long alert list shows its first five until asked for all", async ({ page, context }) => {
  const many = await createTenant("alerts-many");
  const labels = ["One", "Two", "Three", "Four", "Five", "Six", "Seven"];
  // Each new issue fires the default "New issue" rule.
  expect((await postEvents(many.key, labels.map((label) => errorEvent(label, "high")))).status).toBe(202);
  await waitUntil(async () => (await alertsOf(many.workspaceId)).length >= labels.length || null, 15_000, "seven alerts");
  const total = (await alertsOf(many.workspaceId)).filter((a) => a.status !== "resolved").length;
  await signInAs(context, many.member);
  await page.goto("/");
  const panel = page.getByRole("region", { name: /Active alerts/ });
  await expect(panel.getByRole("listitem")).toHaveCount(5);
  await panel.getByRole("button", { name: `Show all ${total} alerts` }).click();
  await expect(panel.getByRole("listitem")).toHaveCount(total);
  await panel.getByRole("button", { name: "Show fewer" }).click();
  await expect(panel.getByRole("listitem")).toHaveCount(5);

  // Linked from a notification, each open alert is shown — past the first five too — scrolled to and marked.
  for (const linked of (await alertsOf(many.workspaceId)).filter((a) => a.status !== "resolved").slice(0, 2)) {
    await page.goto(`/?ws=${many.workspaceId}&alert=${linked.id}`);
    await expect(panel.getByTestId("linked-alert")).toHaveAttribute("aria-current", "true");
    await expect(panel.getByTestId("linked-alert")).toBeInViewport();
  }
});
