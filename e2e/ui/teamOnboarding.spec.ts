import { spawn } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { expect, screenshotBothWidths, test } from "@/e2e/ui/fixtures";

/**
 * The whole adoption path on an app of its own (empty database, FAULTLINE_DEMO=0): first-run setup,
 * a second project, a real @sentry/node event with its DSN, an invited viewer who can read but not
 * triage, promoted to member by the admin, who then resolves the issue.
 */
let app: FreshInstance;
const SHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "screenshots");

test.beforeAll(async () => {
  app = await startFreshInstance();
});
test.afterAll(async () => {
  await app?.stop();
});

const admin = { name: "Ada Admin", email: "ada@acme.test", password: "ada's long password" };
const colleague = { name: "Vic Viewer", email: "vic@acme.test", password: "vic's long password" };

/** Runs the e2e Sentry child (real @sentry/node, an uncaught exception) against a DSN. */
function sendWithSentrySdk(dsn: string): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "..", "support", "sentryChild.mjs")], {
    env: { ...process.env, SENTRY_DSN: dsn, MODE: "uncaught" },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.on("exit", resolve));
}

const issueRow = (page: Page) => page.getByTestId("error-row").filter({ hasText: "card processor unreachable" });
const details = (page: Page) => page.getByTestId("error-details");

test("setup → project → event → invite a viewer → promote → they resolve it", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // Empty database: every page leads to the setup.
  await page.goto(`${app.url}/settings`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Faultline" })).toBeVisible();
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByLabel("Workspace name").fill("Acme");
  await page.getByLabel("Project name").fill("Storefront");
  await screenshotBothWidths(page, "onboarding-1-setup", { dir: SHOTS });
  await page.getByRole("button", { name: "Create account and workspace" }).click();

  // Lands on the first project's "send your first error" screen, key and DSN filled in.
  await expect(page.getByRole("heading", { name: "Send your first error" })).toBeVisible();
  await expect(page.getByTestId("dsn")).toHaveText(/^http:\/\/[0-9a-f]{32}@127\.0\.0\.1:\d+\/\d+$/);
  await expect(page.getByTestId("curl-example")).not.toContainText("<your-ingest-key>");
  await screenshotBothWidths(page, "onboarding-2-first-run", { dir: SHOTS });

  // A second project, from the settings.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "New project" }).click();
  const form = page.getByRole("region", { name: "New project" });
  await form.getByLabel("Project name").fill("Checkout API");
  await form.getByLabel("Platform").selectOption("node");
  await form.getByRole("button", { name: "Create project" }).click();
  const reveal = page.getByRole("region", { name: "New project" });
  await expect(reveal.getByTestId("dsn")).toHaveText(/^http:\/\/[0-9a-f]{32}@127\.0\.0\.1:\d+\/\d+$/);
  await screenshotBothWidths(page, "onboarding-3-new-project", { dir: SHOTS });
  const dsn = (await reveal.getByTestId("dsn").textContent())!.trim();

  // An error sent by the real Sentry SDK with that DSN appears on the dashboard.
  expect(await sendWithSentrySdk(dsn)).toBe(1);
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(issueRow(page)).toBeVisible({ timeout: 30_000 });

  // Invite a colleague as viewer; the link is shown once.
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Workspace & members" }).click();
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(colleague.email);
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const inviteUrl = (await dialog.getByTestId("invite-url").textContent())!.trim();
  expect(inviteUrl).toMatch(/\/invite\/[\w-]{40,}$/);
  await screenshotBothWidths(page, "onboarding-4-invitation", { dir: SHOTS });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("invitation-row").filter({ hasText: colleague.email })).toBeVisible();

  // The colleague accepts in a second browser context.
  const theirs = await browser.newContext();
  const viewerPage = await theirs.newPage();
  await viewerPage.goto(inviteUrl);
  await expect(viewerPage.getByRole("heading", { name: "Join Acme" })).toBeVisible();
  await viewerPage.getByLabel("Your name").fill(colleague.name);
  await viewerPage.getByLabel("Choose a password").fill(colleague.password);
  await screenshotBothWidths(viewerPage, "onboarding-5-accept", { dir: SHOTS });
  await viewerPage.getByRole("button", { name: "Create account and join" }).click();

  // As a viewer they see the issue and cannot triage it.
  await issueRow(viewerPage).click();
  await expect(details(viewerPage)).toContainText("You have view-only access");
  await expect(details(viewerPage).getByRole("button", { name: "Mark as resolved" })).toHaveCount(0);
  await screenshotBothWidths(viewerPage, "onboarding-6-viewer", { narrowOverlay: details(viewerPage), dir: SHOTS });

  // The admin makes them a member.
  await page.reload();
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
  await page.getByLabel(`Role of ${colleague.name}`).selectOption("member");
  await expect(page.getByTestId("toast").filter({ hasText: `${colleague.name} is now member` })).toBeVisible();
  await screenshotBothWidths(page, "onboarding-7-members", { dir: SHOTS });

  // Now they resolve it.
  await viewerPage.reload();
  await expect(details(viewerPage)).toBeVisible();
  await details(viewerPage).getByRole("button", { name: "Mark as resolved" }).click();
  await viewerPage.getByLabel("Resolution").fill("Retry the card processor with backoff");
  await viewerPage.getByRole("button", { name: "Confirm resolution" }).click();
  await expect(viewerPage.getByTestId("detail-status")).toHaveText(/RESOLVED/);
  await viewerPage.reload();
  await expect(viewerPage.getByTestId("detail-status")).toHaveText(/RESOLVED/);
  await expect(viewerPage.getByTestId("audit-trail")).toContainText(colleague.email);
  await screenshotBothWidths(viewerPage, "onboarding-8-resolved", { narrowOverlay: details(viewerPage), dir: SHOTS });

  // Invited to a second workspace while signed in, they join it with one click: no password asked.
  const partners = await (await page.request.post(`${app.url}/api/v1/workspaces`, { data: { name: "Partners" } })).json();
  const second = await (await page.request.post(`${app.url}/api/v1/workspaces/${partners.id}/invitations`, { data: { email: colleague.email, role: "member" } })).json();
  await viewerPage.goto(second.url);
  await expect(viewerPage.getByText(`You are signed in as ${colleague.email}.`)).toBeVisible();
  await expect(viewerPage.getByLabel("Password")).toHaveCount(0);
  await viewerPage.getByRole("button", { name: "Join Partners" }).click();
  await expect(viewerPage).toHaveURL(new RegExp(`/\\?ws=${partners.id}$`));
  await theirs.close();

  // Everything above is on the workspace's activity page.
  await page.getByRole("link", { name: "Activity" }).click();
  const activity = page.getByTestId("activity-row");
  for (const text of ["set up Faultline", "created a project", "invited someone", "accepted an invitation", "changed a role"]) {
    await expect(activity.filter({ hasText: text }).first()).toBeVisible();
  }
  const resolved = activity.filter({ hasText: `${colleague.name} resolved an issue` });
  await expect(resolved).toHaveCount(1);
  // The entry links to the issue by its title.
  await expect(resolved.getByRole("link", { name: /card processor unreachable/ })).toHaveAttribute("href", /^\/errors\/[0-9a-f-]{36}$/);
  await screenshotBothWidths(page, "onboarding-9-activity", { dir: SHOTS });

  // A workspace with no project yet: its admin is led to create one (nothing to wait for until then).
  await page.goto(`${app.url}/?ws=${partners.id}`);
  await expect(page.getByRole("heading", { name: "Send your first error" })).toBeVisible();
  await expect(page.getByText("Waiting for the first error")).toHaveCount(0);
  await page.getByRole("link", { name: "Create a project" }).click();
  await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
});
