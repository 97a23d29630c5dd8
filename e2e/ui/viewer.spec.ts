import { createTenant, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { SEEDED, seedErrors } from "@/e2e/ui/seed";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("viewer");
  await seedErrors(t);
});

test("a viewer sees no workflow buttons, and a forced PATCH gets 403", async ({ page, context }) => {
  await signInAs(context, t.viewer);
  await page.goto("/");
  await page.getByTestId("error-row").filter({ hasText: SEEDED.typeError }).click();
  const details = page.getByTestId("error-details");
  await expect(details).toBeVisible();
  await expect(details).toContainText("You have view-only access");
  for (const name of ["Acknowledge", "Investigating", "Mark as resolved", "Ignore", "Reopen"]) {
    await expect(details.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(details.getByLabel("Assignee")).toHaveCount(0);
  await screenshotBothWidths(page, "viewer-details", { narrowOverlay: details });

  const errorId = new URL(page.url()).searchParams.get("error");
  const res = await page.request.patch(`/api/v1/errors/${errorId}`, { data: { status: "resolved" } });
  expect(res.status()).toBe(403);
  await page.reload();
  await expect(page.getByTestId("detail-status")).toHaveText(/NEW/);
});

test("a viewer cannot manage ingest keys", async ({ page, context }) => {
  await signInAs(context, t.viewer);
  await page.goto("/settings");
  await expect(page.getByText("Only workspace admins can see and manage ingest keys.")).toBeVisible();
  await expect(page.getByTestId("ingest-url")).toBeVisible();
  const res = await page.request.post(`/api/v1/projects/${t.projectId}/keys`, { data: { name: "sneaky" } });
  expect(res.status()).toBe(403);
});
