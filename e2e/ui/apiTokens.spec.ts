import { BASE_URL, createTenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

test("an API token is created on the account page, shown once, works as its user, and stops working when revoked", async ({ page, context }) => {
  const t = await createTenant("ui-tokens");
  await signInAs(context, t.admin);
  await page.goto("/account");
  const card = page.getByRole("region", { name: "API tokens" });
  await card.getByLabel("Token name").fill("CI deploy");
  await card.getByLabel("Access").selectOption("write");
  await card.getByRole("button", { name: "Create token" }).click();

  const shown = card.getByTestId("new-api-token");
  await expect(shown).toContainText("it is not shown again");
  const token = (await shown.locator("code").textContent())!.trim();
  expect(token).toMatch(/^flt_/);
  await expect(card.getByTestId("api-token-row")).toContainText(`flt_${token.slice(4, 12)}…`);
  await screenshotBothWidths(page, "account-api-tokens");

  // A script (no cookie) with the token is the admin.
  const me = await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await me.json()) as { user: { email: string } }).user.email).toBe(t.admin.email);

  // Revoking asks first (as revoking an ingest key does): Cancel keeps the token working.
  await card.getByRole("button", { name: "Revoke CI deploy" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke “CI deploy”?" });
  await expect(confirm).toContainText(`flt_${token.slice(4, 12)}`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByTestId("api-token-row")).toHaveCount(1);
  expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  await card.getByRole("button", { name: "Revoke CI deploy" }).click();
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(card.getByTestId("api-token-row")).toHaveCount(0);
  await expect(shown).toHaveCount(0);
  expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

  // The same page mutes a project's notifications (saved at once).
  const notifications = page.getByRole("region", { name: "Notifications" });
  const mute = notifications.getByRole("checkbox", { name: /^Mute Project ui-tokens-/ });
  // A click, then web-first assertions: the box shows the request, then the saved settings.
  await mute.click();
  await expect(mute).toBeChecked();
  await expect(mute).toBeEnabled(); // saved
  await expect.poll(async () => ((await (await page.request.get("/api/v1/account/notifications")).json()) as { mutedProjectIds: string[] }).mutedProjectIds).toEqual([t.projectId]);
  await page.reload();
  await expect(notifications.getByRole("checkbox", { name: /^Mute Project ui-tokens-/ })).toBeChecked();
});
