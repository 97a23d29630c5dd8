import { createTenant, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { seedErrors } from "@/e2e/ui/seed";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";

let t: Tenant;
let otherWorkspaceName: string;

test.beforeAll(async () => {
  t = await createTenant("auth");
  await seedErrors(t);
  // The admin also belongs to a second, empty workspace: the switcher appears.
  otherWorkspaceName = `Other ${t.workspaceId.slice(-6)}`;
  await createWorkspace({ name: otherWorkspaceName, ownerId: t.admin.id });
});

test("signed-out visitors are sent to the login page, keeping where they were going", async ({ page }) => {
  await page.goto("/?tf=7d");
  await expect(page).toHaveURL(/\/login\?next=%2F%3Ftf%3D7d/);
  await expect(page.getByRole("heading", { name: "Sign in to Faultline" })).toBeVisible();
  await screenshotBothWidths(page, "login");
});

test("a wrong password is refused with a message", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 401/);
  await page.goto("/login");
  await page.getByLabel("Email").fill(t.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "email or password is incorrect" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // The test app sends no email (no SMTP_URL): no "Forgot password?" form, the way to a reset link instead.
  await expect(page.getByText("Forgot password? Ask a workspace admin for a reset link.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Forgot password?" })).toHaveCount(0);
});

test("log in, switch workspace, log out", async ({ page }) => {
  await page.goto("/login?next=%2F%3Ftf%3D7d");
  await page.getByLabel("Email").fill(t.admin.email);
  await page.getByLabel("Password").fill(t.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/\?tf=7d$/);
  await expect(page.getByRole("heading", { name: "Error Tracking" })).toBeVisible();
  await expect(page.getByTestId("overview-totalErrors")).toBeVisible();

  // The switcher lists both workspaces; the second one is empty, so it shows the first-run screen.
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("option", { name: new RegExp(otherWorkspaceName) }).click();
  await expect(page).toHaveURL(/ws=/);
  await expect(page.getByRole("heading", { name: "Send your first error" })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("overview-totalErrors")).toBeVisible();

  await page.getByRole("button", { name: /Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed or unknown invitation link says plainly that it is not valid", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of (404|422)/);
  // Cut off when copied (too short for a token: the API's validation refuses it), and a well-formed one nobody sent.
  for (const token of ["bogus-token", "x".repeat(43)]) {
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation cannot be used");
    await expect(page.getByRole("alert").filter({ hasText: "invitation" })).toHaveText("This invitation link is not valid (it may have been cut off when copied).");
  }
});

test("a link to a workspace that is not theirs says so, instead of showing another workspace under it", async ({ page, context }) => {
  await signInAs(context, t.admin);
  const unknown = "00000000-0000-4000-8000-000000000000";
  const notice = page.getByTestId("unknown-workspace");
  await page.goto(`/?ws=${unknown}`);
  await expect(notice).toContainText("You are not a member of that workspace (or it does not exist)");
  await expect(page.getByTestId("error-row")).toHaveCount(0);
  await page.goto(`/settings?ws=${unknown}`);
  await expect(notice).toBeVisible();
  await page.goto(`/reports?ws=${unknown}`);
  await expect(notice).toBeVisible();
  await expect(page.getByTestId("report")).toHaveCount(0);
  // The way on: a workspace of theirs, on the same page.
  await notice.getByRole("link", { name: /^Open / }).click();
  await expect(page).toHaveURL(/\/reports\?ws=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("report")).toBeVisible();
});
