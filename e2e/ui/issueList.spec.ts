import fs from "node:fs";
import { query } from "@/e2e/support/dbCounts";
import { parseCsv } from "@/e2e/support/parseCsv";
import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

let t: Tenant;
const rows = (page: import("@playwright/test").Page) => page.getByTestId("error-row");

test.beforeAll(async () => {
  t = await createTenant("issue-list");
  const hour = 3_600_000;
  const events = [
    ...Array.from({ length: 50 }, (_, i) => ({
      type: `BulkUiError${String(i).padStart(2, "0")}`,
      message: "nightly batch failed",
      severity: i % 2 ? "high" : "medium",
      environment: "production",
      occurredAt: new Date(Date.now() - (i % 5) * hour - 60_000).toISOString(),
    })),
    ...Array.from({ length: 6 }, (_, i) => ({ type: "PaymentDeclined", message: "card declined by issuer", severity: "high", category: "payment", environment: "production", release: "shop@1.2.0", userId: `buyer-${i}`, occurredAt: new Date(Date.now() - i * 2 * hour - 60_000).toISOString() })),
    { type: "StagingOnly", message: "feature flag missing", severity: "low", environment: "staging" },
  ];
  expect((await postEvents(t.key, { events })).status).toBe(202);
  // A deploy step reported where the release went (sentry-cli deploys new).
  await query(`INSERT INTO "ReleaseDeploy" (id, "workspaceId", version, environment, name, "finishedAt") VALUES (gen_random_uuid(), $1::uuid, 'shop@1.2.0', 'production', 'deploy #7', now() - interval '2 hours')`, [t.workspaceId]);
});

test.beforeEach(async ({ context }) => {
  await signInAs(context, t.member);
});

test("search syntax with suggestions round-trips through the URL, and searches can be saved", async ({ page }) => {
  await page.goto(`/?ws=${t.workspaceId}`);
  await expect(page).toHaveTitle("Dashboard · Faultline");
  const box = page.getByRole("combobox", { name: "Search errors" });
  await box.click();
  await box.pressSequentially("is:unre");
  const suggestions = page.getByTestId("search-suggestions");
  await expect(suggestions.getByRole("option").first()).toHaveText("unresolved");
  await box.press("Enter");
  await expect(box).toHaveValue("is:unresolved ");
  await box.pressSequentially("environment:pro");
  await expect(suggestions.getByRole("option", { name: "production" })).toBeVisible();
  await suggestions.getByRole("option", { name: "production" }).click();
  // Picking puts the caret back after a frame: type on once the box shows the pick.
  await expect(box).toHaveValue("is:unresolved environment:production ");
  await box.pressSequentially("level:hi");
  await expect(suggestions.getByRole("option").first()).toHaveText("high");
  // → at the end of the text accepts the highlighted suggestion too.
  await box.press("ArrowRight");
  await expect(box).toHaveValue("is:unresolved environment:production level:high ");
  await box.pressSequentially('"card declined"');
  await box.press("Enter");
  await expect(page).toHaveURL(/query=is%3Aunresolved\+environment%3Aproduction\+level%3Ahigh\+%22card\+declined%22/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("PaymentDeclined");
  // Counts and the sparkline follow the filter and the period.
  await expect(rows(page).first().getByTestId("row-events")).toHaveText("6");
  await expect(rows(page).first().getByTestId("sparkline")).toBeVisible();

  // The URL alone reproduces it.
  await page.goto(page.url());
  await expect(box).toHaveValue('is:unresolved environment:production level:high "card declined"');
  await expect(rows(page)).toHaveCount(1);

  // A mistake is shown where it is and not sent.
  await box.fill("level:urgent");
  await expect(page.getByTestId("search-error")).toContainText('level: "urgent" is not one of');
  await expect(rows(page)).toHaveCount(1);

  // Save, clear, apply the saved one.
  await box.fill('"card declined" is:unresolved');
  await box.press("Enter");
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId("saved-searches").click();
  await page.getByRole("menuitem", { name: "Save current search…" }).click();
  await page.getByLabel("Saved search name").fill("Declined cards");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await box.fill("");
  await box.press("Enter");
  await expect(rows(page)).not.toHaveCount(1);
  await page.getByTestId("saved-searches").click();
  await page.getByRole("menuitem", { name: /^Declined cards/ }).click();
  await expect(page).toHaveURL(/query=%22card\+declined%22\+is%3Aunresolved/);
  await expect(rows(page)).toHaveCount(1);

  // Status chips and the category picker edit the search (they follow the committed search in the URL).
  // Enter after the pause has committed the emptied box re-commits what the URL already holds: the
  // box must still follow the chips afterwards.
  await box.fill("");
  await expect(page).not.toHaveURL(/query=/);
  await box.press("Enter");
  const ignoredChip = page.getByRole("group", { name: "Status" }).getByRole("button", { name: "ignored", exact: true });
  await ignoredChip.click();
  await expect(box).toHaveValue("is:ignored");
  // The chips follow the committed search (the URL): wait for it before toggling back.
  await expect(ignoredChip).toHaveAttribute("aria-pressed", "true");
  await ignoredChip.click();
  await expect(ignoredChip).toHaveAttribute("aria-pressed", "false");
  await expect(box).toHaveValue("");
  await page.getByLabel("Category").selectOption("payment");
  await expect(box).toHaveValue("category:payment");
  await expect(rows(page)).toHaveCount(1);
});

test("the search box is no keyboard trap: Tab moves on and accepts nothing, Enter accepts", async ({ page }) => {
  await page.goto(`/?ws=${t.workspaceId}`);
  const box = page.getByRole("combobox", { name: "Search errors" });
  const suggestions = page.getByTestId("search-suggestions");
  await expect(rows(page).first()).toBeVisible();
  // Focus it the keyboard way; the suggestions open on an empty box.
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await expect(suggestions).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue("");
  await expect(suggestions).toBeHidden();
  await expect(page.getByTestId("search-error")).toHaveCount(0);

  // Shift+Tab comes back; with a key half typed Tab still accepts nothing and leaves.
  await page.keyboard.press("Shift+Tab");
  await expect(box).toBeFocused();
  await box.pressSequentially("is:unre");
  await expect(suggestions.getByRole("option").first()).toHaveText("unresolved");
  await page.keyboard.press("Tab");
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue("is:unre");
  await expect(suggestions).toBeHidden();

  // Enter accepts the highlighted suggestion.
  await box.focus();
  await box.press("End");
  await expect(suggestions.getByRole("option").first()).toHaveText("unresolved");
  await box.press("Enter");
  await expect(box).toHaveValue("is:unresolved ");
  await expect(box).toBeFocused();
});

test("bulk: select a page, then all 50 matching, resolve them in one request with progress; shift-click selects a range", async ({ page }) => {
  await page.goto(`/?ws=${t.workspaceId}&query=${encodeURIComponent("BulkUiError is:unresolved")}&sort=firstSeen`);
  await expect(rows(page)).toHaveCount(20);
  await expect(page.getByRole("heading", { name: /Errors/ })).toContainText("(50)");

  // Shift-click: rows 2 to 6.
  await rows(page).nth(1).getByTestId("row-checkbox").click();
  await rows(page).nth(5).getByTestId("row-checkbox").click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("5 selected");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("bulk-bar")).toBeHidden();

  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("bulk-count")).toHaveText("20 selected");
  await page.getByTestId("select-all-matching").click();
  await expect(page.getByTestId("bulk-count")).toHaveText("50 selected");
  await screenshotBothWidths(page, "bulk-selection");
  const bulkRequest = page.waitForRequest((r) => r.url().endsWith("/api/v1/errors/bulk") && r.method() === "POST");
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Resolve", exact: true }).click();
  const sent = await bulkRequest;
  expect(sent.postDataJSON()).toMatchObject({ action: "resolve", workspaceId: t.workspaceId, query: "BulkUiError is:unresolved" });
  await expect(page.getByTestId("toast")).toContainText("Resolved 50 of 50 issues");
  await expect(page.getByText("No errors match these filters")).toBeVisible();
  const [resolved] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorGroup" WHERE "workspaceId" = $1 AND type LIKE 'BulkUiError%' AND status = 'resolved'`, [t.workspaceId]);
  expect(Number(resolved.n)).toBe(50);
  const [audited] = await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE "workspaceId" = $1 AND action = 'error.resolved' AND "actorId" = $2`, [t.workspaceId, t.member.id]);
  expect(Number(audited.n)).toBe(50);
});

test("export the filtered list as CSV, download it, and read it back", async ({ page }) => {
  await page.goto(`/?ws=${t.workspaceId}&query=${encodeURIComponent("category:payment")}`);
  await expect(rows(page)).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-issues-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^faultline-issues-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(fs.readFileSync((await file.path())!, "utf8"));
  expect(csv[0].slice(0, 3)).toEqual(["id", "type", "message"]);
  expect(csv.slice(1).map((r) => r[1])).toEqual(["PaymentDeclined"]);

  // And an issue's events from its page.
  await rows(page).first().click();
  await page.getByTestId("open-issue-page").click();
  await page.getByRole("tab", { name: "All events" }).click();
  const eventsDownload = page.waitForEvent("download");
  await page.getByTestId("export-events-csv").click();
  const events = parseCsv(fs.readFileSync((await (await eventsDownload).path())!, "utf8"));
  expect(events).toHaveLength(7);
});

test("denser rows with distinct badges, the report page, tab titles, at both widths light and dark", async ({ page }) => {
  await page.goto(`/?ws=${t.workspaceId}&query=${encodeURIComponent("!BulkUiError")}`);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("heading", { name: /Errors/ }).scrollIntoViewIfNeeded();
  await screenshotBothWidths(page, "issue-list");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, "issue-list-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto(`/reports?ws=${t.workspaceId}`);
  await expect(page).toHaveTitle("Report · Faultline");
  await expect(page.getByTestId("report-Events")).toHaveText("57");
  await expect(page.getByTestId("report")).toContainText("PaymentDeclined");
  const md = page.waitForEvent("download");
  await page.getByTestId("report-markdown").click();
  expect(fs.readFileSync((await (await md).path())!, "utf8")).toContain("| Events | 57 |");
  await screenshotBothWidths(page, "report");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, "report-dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto("/settings");
  await expect(page).toHaveTitle(/· Faultline$/);
});

test("the releases page shows what a release brought and opens its issues in the list", async ({ page }) => {
  await page.goto(`/releases?ws=${t.workspaceId}`);
  await expect(page).toHaveTitle("Releases · Faultline");
  const row = page.getByTestId("release-row").filter({ hasText: "shop@1.2.0" });
  // Six events of one issue, which this release introduced and which is still open.
  // Under its name, where the deploy step said it went.
  await expect(row.getByRole("cell")).toHaveText([/^shop@1\.2\.0\s*deployed to production 2 hours ago$/, /ago$/, /ago$/, "6", "1", "1", "1", "—", "—", "—"]);
  await expect(row.getByTestId("release-shipped")).toHaveText("deployed to production 2 hours ago");
  await screenshotBothWidths(page, "releases");
  await row.getByRole("link", { name: "1 unresolved issue in shop@1.2.0" }).click();
  await expect(page.getByRole("combobox", { name: "Search errors" })).toHaveValue(/release:shop@1\.2\.0 is:unresolved/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("PaymentDeclined");

  // The release's own page: its figures, its days and the issue it introduced, which opens its page.
  await page.goBack();
  await page.getByTestId("release-row").getByRole("link", { name: "shop@1.2.0", exact: true }).click();
  await expect(page).toHaveURL(/\/releases\/shop%401\.2\.0\?ws=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("shop@1.2.0");
  await expect(page.getByTestId("release-figures")).toContainText("Error events6");
  await expect(page.getByTestId("release-figures")).toContainText("New issues1");
  await expect(page.getByTestId("release-deploy")).toHaveText(/production\s*deploy #7\s*finished about 2 hours ago/);
  await expect(page.getByTestId("release-day-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const introduced = page.getByTestId("release-issue");
  await expect(introduced).toHaveCount(1);
  await expect(introduced).toContainText("PaymentDeclined");
  await expect(introduced.getByLabel("6 events in this release")).toBeVisible();
  await page.getByRole("tab", { name: "All issues (1)" }).click();
  await expect(page.getByTestId("release-issue").filter({ hasText: "new here" })).toHaveCount(1);
  await screenshotBothWidths(page, "release-page");
  await page.getByTestId("release-issue").getByRole("link").click();
  await expect(page).toHaveURL(/\/errors\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("PaymentDeclined");
  // The issue's first and last release lead back to the release page.
  await page.getByRole("link", { name: "shop@1.2.0" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("shop@1.2.0");
});

test("the Issues page is the list alone with the URL's filters; a row (keyboard or click) opens its issue, and the way back keeps the list", async ({ page }) => {
  // Sentry's address for the list leads here.
  await page.goto(`/issues?ws=${t.workspaceId}`);
  await expect(page).toHaveURL(new RegExp(`/errors\\?ws=${t.workspaceId}$`));
  await expect(page).toHaveTitle("Issues · Faultline");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues" })).toHaveAttribute("aria-current", "page");
  await expect(rows(page)).toHaveCount(20);
  await expect(page.getByTestId("overview-totalErrors")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Correlations" })).toHaveCount(0);
  await screenshotBothWidths(page, "issues-page");

  // j/k and Enter: the third row's issue page (no details panel here).
  const third = await rows(page).nth(2).getAttribute("data-error-id");
  await rows(page).first().getByRole("link").focus();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/errors/${third}$`));
  await expect(page.getByTestId("issue-header")).toBeVisible();

  // Filters from the URL: the environment picker and the search box show them, the rows carry them to the issue page.
  const search = `release:shop@1.2.0 is:unresolved`;
  await page.goto(`/errors?ws=${t.workspaceId}&env=production&tf=7d&query=${encodeURIComponent(search)}`);
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("production");
  await expect(page.getByRole("radio", { name: "Last 7 days" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Search errors" })).toHaveValue(search);
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  const id = await row.getAttribute("data-error-id");
  await expect(row.getByRole("link", { name: /^PaymentDeclined/ })).toHaveAttribute("href", `/errors/${id}?environment=production&release=shop%401.2.0`);
  await row.getByRole("link", { name: /^PaymentDeclined/ }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${id}\\?environment=production&release=shop%401\\.2\\.0$`));
  await page.getByTestId("issue-header").getByRole("link", { name: "← Issues" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors\\?ws=${t.workspaceId}&env=production&tf=7d&query=`));
  await expect(page.getByRole("combobox", { name: "Search errors" })).toHaveValue(search);

  // A link made when /errors led to the dashboard's panel opens that issue's page.
  await page.goto(`/errors?ws=${t.workspaceId}&error=${id}`);
  await expect(page).toHaveURL(new RegExp(`/errors/${id}$`));
});

test("each change of the list's search, filters and sort is a step Back undoes; a search typed with pauses is one step", async ({ page }) => {
  await page.goto(`/errors?ws=${t.workspaceId}`);
  await expect(rows(page)).toHaveCount(20);
  const box = page.getByRole("combobox", { name: "Search errors" });
  await box.click();
  // A pause commits what is typed so far; typing on refines that entry instead of adding one.
  await box.pressSequentially("Payment");
  await expect(page).toHaveURL(/query=Payment$/);
  await box.pressSequentially("Declined");
  await expect(page).toHaveURL(/query=PaymentDeclined$/);
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "resolved", exact: true }).click();
  await expect(box).toHaveValue("PaymentDeclined is:resolved");
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel("Sort by").selectOption("occurrences");
  await expect(page).toHaveURL(/sort=occurrences/);

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByLabel("Sort by")).toHaveValue("lastSeen");
  await expect(box).toHaveValue("PaymentDeclined is:resolved");
  await page.goBack();
  await expect(box).toHaveValue("PaymentDeclined");
  await expect(rows(page)).toHaveCount(1);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/errors\\?ws=${t.workspaceId}$`));
  await expect(box).toHaveValue("");
  await expect(rows(page)).toHaveCount(20);
});

test("a release's counts open lists that hold them all; All time and a lastSeen: search find an issue last seen 40 days ago", async ({ page, context }) => {
  const r = await createTenant("release-life");
  const day = 24 * 3_600_000;
  const at = (ms: number) => new Date(Date.now() - ms).toISOString();
  const events = [
    { type: "TenMinutesAgo", message: "fresh failure", severity: "high", release: "shop@1.0.1", occurredAt: at(10 * 60_000) },
    { type: "ThreeDaysAgo", message: "recent failure", severity: "high", release: "shop@1.0.1", occurredAt: at(3 * day) },
    // The project keeps 90 days: the issue is kept, last seen before any dashboard timeframe.
    { type: "FortyDaysAgo", message: "old failure", severity: "high", release: "shop@1.0.1", occurredAt: at(40 * day) },
  ];
  expect((await postEvents(r.key, { events })).status).toBe(202);
  await signInAs(context, r.member);

  // The release's counts (of its whole life) open the list over all time, whatever its last error's age.
  await page.goto(`/releases?ws=${r.workspaceId}`);
  const row = page.getByTestId("release-row").filter({ hasText: "shop@1.0.1" });
  await row.getByRole("link", { name: "3 unresolved issues in shop@1.0.1" }).click();
  await expect(page).toHaveURL(/[?&]tf=all&/);
  await expect(page.getByRole("radio", { name: "All time" })).toBeChecked();
  await expect(rows(page)).toHaveCount(3);
  await page.goBack();
  await row.getByRole("link", { name: "3 issues seen in shop@1.0.1" }).click();
  await expect(rows(page)).toHaveCount(3);

  // The README's own search under the 30-day timeframe: its dates choose the issues, and the list says so.
  const cutoff = at(35 * day).slice(0, 10);
  await page.goto(`/errors?ws=${r.workspaceId}&tf=30d&query=${encodeURIComponent(`lastSeen:<${cutoff}`)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("FortyDaysAgo");
  await expect(page.getByTestId("dated-search-note")).toContainText("not also cut to last 30 days");

  // Without it, 30 days miss the old issue; All time lists it.
  await page.goto(`/errors?ws=${r.workspaceId}&tf=30d`);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole("radio", { name: "All time" }).click();
  await expect(page).toHaveURL(/[?&]tf=all/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId("dated-search-note")).toHaveCount(0);

  // The dashboard's cards and charts stop at 30 days: it offers no All, and shows a tf=all link over 30 days.
  await page.goto(`/?ws=${r.workspaceId}&tf=all`);
  await expect(page.getByRole("radio", { name: "Last 30 days" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "All time" })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
});
