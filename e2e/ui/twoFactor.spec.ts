import { query } from "@/e2e/support/dbCounts";
import { createTenant, postEvents } from "@/e2e/support/tenant";
import { freshTotpCode } from "@/e2e/support/twoFactor";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { totpCode } from "@/lib/twoFactor/totp";

test("two-factor sign-in is set up from the account page with a QR code, then sign-in asks for the app's code", async ({ page, context, consoleGuard }) => {
  consoleGuard.allow(/status of 40[19]|status of 422/);
  const t = await createTenant("ui-2fa");
  await signInAs(context, t.admin);
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Two-factor sign-in" });
  await expect(card).toContainText("Off");
  await card.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await card.getByLabel("Your password").fill(t.admin.password);
  await card.getByRole("button", { name: "Continue" }).click();

  await expect(card.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await card.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshotBothWidths(page, "account-two-factor-setup");
  await card.getByLabel("Code from the app").fill("000000");
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(card.getByRole("alert")).toContainText("does not match");
  await card.getByLabel("Code from the app").fill(totpCode(secret, Date.now()));
  await card.getByRole("button", { name: "Turn on" }).click();

  const codes = card.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expect(card.getByText("On", { exact: true })).toBeVisible();
  await screenshotBothWidths(page, "account-two-factor-recovery-codes");
  await card.getByRole("button", { name: "I have saved them" }).click();
  await expect(card.getByTestId("recovery-codes-left")).toHaveText("10 of 10 recovery codes left.");
  await expect(card.getByRole("button", { name: "Turn off" })).toBeVisible();

  // Signed out, the password alone no longer signs in: the code step follows.
  await context.clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill(t.admin.email);
  await page.getByLabel("Password").fill(t.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await page.getByLabel("Code from your authenticator app").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toContainText("4 more tries");
  await screenshotBothWidths(page, "login-two-factor");
  await page.getByLabel("Code from your authenticator app").fill(await freshTotpCode(t.admin.id, secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Error Tracking" })).toBeVisible();
});

test("a workspace that requires two-factor sign-in shows its members without it the way in, not the dashboard", async ({ page, context, consoleGuard }) => {
  consoleGuard.allow(/status of 403/);
  const t = await createTenant("ui-2fa-req");
  const posted = await postEvents(t.key, { type: "KeptOutError", message: "behind two-factor" });
  const issueId = (await posted.json()).accepted[0].groupId as string;
  await query(`UPDATE "Workspace" SET "requireTwoFactor" = true WHERE id = $1`, [t.workspaceId]);
  await signInAs(context, t.member);
  await page.goto("/");
  const notice = page.getByRole("region", { name: "Two-factor sign-in required" });
  await expect(notice).toContainText("requires two-factor sign-in");
  await expect(page.getByTestId("overview-totalErrors")).toHaveCount(0);
  await screenshotBothWidths(page, "two-factor-required");
  // An issue link (an old email, the inbox) shows the same way in, not "Issue not found".
  const [{ name }] = await query<{ name: string }>(`SELECT name FROM "Workspace" WHERE id = $1`, [t.workspaceId]);
  await page.goto(`/errors/${issueId}`);
  await expect(page.getByRole("region", { name: "Two-factor sign-in required" })).toContainText(`${name} requires two-factor sign-in`);
  await expect(page.getByRole("main").getByText("Issue not found")).toHaveCount(0);
  await expect(page).toHaveTitle("Two-factor sign-in required · Faultline");
  await page.getByRole("region", { name: "Two-factor sign-in required" }).getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("region", { name: "Two-factor sign-in" }).getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
});

test("a wrong password on the account page is said in a sentence, not with the API's field name", async ({ page, context, consoleGuard }) => {
  consoleGuard.allow(/status of 422/);
  const t = await createTenant("ui-pw-wrong");
  await signInAs(context, t.viewer);
  await page.goto("/account");
  const password = page.getByRole("region", { name: "Password", exact: true });
  await password.getByLabel("Current password").fill("not my password");
  await password.getByLabel("New password").fill("a better password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("That is not your current password.");

  // Confirming two-factor setup with it says the same.
  const twoFactor = page.getByRole("region", { name: "Two-factor sign-in" });
  await twoFactor.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await twoFactor.getByLabel("Your password").fill("not my password");
  await twoFactor.getByRole("button", { name: "Continue" }).click();
  await expect(twoFactor.getByRole("alert")).toHaveText("That is not your current password.");
});
