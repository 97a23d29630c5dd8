import type { Page } from "@playwright/test";
import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

const at = new Date(Date.now() - 3600_000).toISOString();
const event = (fn: string, file: string, user: string) => ({
  type: "TypeError",
  message: `Cannot read properties of undefined (reading 'sku')`,
  occurredAt: at,
  platform: "node",
  userId: user,
  stackTrace: `TypeError: Cannot read properties of undefined (reading 'sku')\n    at ${fn} (/srv/app/src/${file}.js:10:5)\n    at main (/srv/app/src/index.js:2:1)`,
});

async function seed(t: Tenant, events: unknown[]) {
  const res = await postEvents(t.key, events);
  expect(res.status).toBe(202);
}

const rows = (page: Page) => page.getByTestId("error-row");

test("merge two issues from the list, then split one off again from the details", async ({ page, context }) => {
  const t = await createTenant("merge-ui");
  await seed(t, [event("priceLine", "orders", "u1"), event("priceLine", "orders", "u2"), event("priceItem", "cart", "u3")]);
  await signInAs(context, t.member);
  await page.goto(`/?ws=${t.workspaceId}`);
  await expect(rows(page)).toHaveCount(2);

  for (const row of await rows(page).all()) await row.getByTestId("row-checkbox").check();
  await page.getByRole("button", { name: "Merge selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge 2 issues" });
  // The dialog root only wraps fixed-position children (no box of its own): wait for its heading.
  await expect(dialog.getByRole("heading", { name: "Merge 2 issues" })).toBeVisible();
  await screenshotBothWidths(page, "merge-dialog");
  await dialog.getByRole("button", { name: "Merge" }).click();

  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).getByTestId("row-events")).toHaveText("3");
  const details = page.getByTestId("error-details");
  await expect(page.getByTestId("detail-occurrences")).toHaveText("3");
  await expect(page.getByTestId("audit-trail")).toContainText(/merged/i);

  const panel = details.getByTestId("unmerge-panel");
  await expect(panel.getByTestId("issue-fingerprint")).toHaveCount(2);
  await expect(panel).toContainText("merged in · 1 event");
  await screenshotBothWidths(page, "unmerge-panel", { narrowOverlay: details });
  await panel.getByRole("checkbox").check();
  await panel.getByRole("button", { name: "Split off selected" }).click();

  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("detail-occurrences")).toHaveText("2");
  await expect(details.getByTestId("unmerge-panel")).toHaveCount(0);
});

test("the issue page of a merged issue splits a fingerprint off too", async ({ page, context }) => {
  const t = await createTenant("merge-page");
  const res = await postEvents(t.key, [event("priceLine", "orders", "u1"), event("priceItem", "cart", "u2")]);
  expect(res.status).toBe(202);
  const [target, source] = ((await res.json()) as { accepted: { groupId: string }[] }).accepted.map((a) => a.groupId);
  await signInAs(context, t.member);
  expect((await page.request.post("/api/v1/errors/merge", { data: { targetId: target, sourceIds: [source] } })).status()).toBe(200);

  await page.goto(`/errors/${target}`);
  const panel = page.getByRole("complementary", { name: "Issue summary" }).getByTestId("unmerge-panel");
  await expect(panel.getByTestId("issue-fingerprint")).toHaveCount(2);
  await panel.getByRole("checkbox").check();
  await panel.getByRole("button", { name: "Split off selected" }).click();
  await expect(panel).toHaveCount(0);
});

test("similar issues in the details offer a merge, asked first; focus stays in the panel after it", async ({ page, context }) => {
  const t = await createTenant("similar-ui");
  await seed(t, [event("priceLine", "orders", "u1"), event("priceItem", "cart", "u2")]);
  await signInAs(context, t.member);
  await page.goto(`/?ws=${t.workspaceId}`);
  await rows(page).first().click();
  const similar = page.getByTestId("similar-issues");
  await expect(similar.getByTestId("similar-issue")).toHaveCount(1);
  await expect(similar).toContainText("same type");
  // A stray Enter on the button asks; Escape merges nothing and gives the button its focus back.
  const mergeButton = similar.getByRole("button", { name: "Merge into this issue" });
  await mergeButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Merge into this issue?" });
  await expect(dialog.getByRole("heading", { name: "Merge into this issue?" })).toBeVisible();
  await expect(dialog).toContainText("TypeError: Cannot read properties of undefined (reading 'sku') (1 event) joins this issue");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(mergeButton).toBeFocused();
  await expect(rows(page)).toHaveCount(2);

  await mergeButton.click();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("detail-occurrences")).toHaveText("2");
  // The merged issue left the list with the focused button: focus goes to the section, not to the page's start.
  await expect(similar).toContainText("No issue looks like this one.");
  await expect(similar.getByRole("heading", { name: "Similar issues" })).toBeFocused();
});

test("a grouping rule's dry run shows which issues would merge before it is saved", async ({ page, context }) => {
  const t = await createTenant("rules-ui");
  const timeout = (host: string, fn: string) => ({
    type: "TimeoutError",
    message: `connect to ${host} timed out`,
    occurredAt: at,
    stackTrace: `TimeoutError: connect to ${host} timed out\n    at ${fn} (/srv/app/src/clients/${fn}.js:3:9)`,
  });
  await seed(t, [timeout("payments", "chargeCard"), timeout("stock", "reserveStock")]);
  await signInAs(context, t.admin);
  await page.goto(`/settings?ws=${t.workspaceId}`);

  const card = page.getByRole("region", { name: "Grouping rules" });
  await expect(card).toContainText("No rules");
  await card.getByRole("button", { name: "Add rule" }).click();
  await card.getByRole("textbox", { name: "Type" }).fill("TimeoutError");
  await card.getByRole("textbox", { name: "Fingerprint" }).fill("upstream-timeouts");
  await card.getByRole("button", { name: "Preview (dry run)" }).click();
  const preview = card.getByTestId("grouping-preview");
  await expect(preview).toContainText("2 most recent events");
  await expect(preview.getByTestId("preview-merge")).toContainText("Would merge 2 issues (2 events) into a new issue");
  await expect(preview).toContainText("connect to payments timed out");
  await screenshotBothWidths(page, "grouping-rules-preview");

  await card.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Grouping rules saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Grouping rules" }).getByTestId("grouping-rule")).toHaveCount(1);
});
