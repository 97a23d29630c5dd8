import type { Page } from "@playwright/test";
import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";
import { SEEDED, seedErrors } from "@/e2e/ui/seed";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("dash");
  await seedErrors(t);
});

test.beforeEach(async ({ context }) => {
  await signInAs(context, t.admin);
});

const fmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const rows = (page: Page) => page.getByTestId("error-row");

async function trackingFromApi(page: Page, query: string): Promise<ErrorTracking> {
  const res = await page.request.get(`/api/v1/workspaces/${t.workspaceId}/error-tracking?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test("the overview numbers equal the API's", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("overview-totalErrors")).toBeVisible();
  const { overview } = await trackingFromApi(page, "timeframe=24h&severity=all");
  expect(overview.totalErrors).toBe(24 + 3 + 2);
  await expect(page.getByTestId("overview-totalErrors")).toHaveText(fmt.format(overview.totalErrors));
  await expect(page.getByTestId("overview-uniqueErrors")).toHaveText(fmt.format(overview.uniqueErrors));
  await expect(page.getByTestId("overview-affectedUsers")).toHaveText(fmt.format(overview.affectedUsers));
  await expect(page.getByTestId("overview-criticalErrorRate")).toHaveText(`${fmt.format(overview.criticalErrorRate ?? 0)}%`);
  await expect(page.getByTestId("overview-manualInterventions")).toHaveText(fmt.format(overview.manualInterventions));
  await expect(page.getByTestId("overview-systemImpact")).toContainText(overview.systemImpact.toUpperCase());
  await expect(rows(page)).toHaveCount(3);
  await screenshotBothWidths(page, "dashboard");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, "dashboard-dark");
});

test("severity and timeframe filters live in the URL and narrow the view", async ({ page }) => {
  await page.goto("/");
  await expect(rows(page)).toHaveCount(3);

  await page.getByLabel("Severity").selectOption("critical");
  await expect(page).toHaveURL(/sev=critical/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(SEEDED.spike);
  const critical = await trackingFromApi(page, "timeframe=24h&severity=critical");
  await expect(page.getByTestId("overview-totalErrors")).toHaveText(fmt.format(critical.overview.totalErrors));

  await page.getByLabel("Severity").selectOption("all");
  await page.getByRole("radio", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/tf=7d/);
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByTestId("error-row").filter({ hasText: SEEDED.old })).toBeVisible();

  // A link reproduces the view.
  await page.goto("/?tf=1h&sev=high");
  await expect(page.getByRole("radio", { name: "Last hour" })).toBeChecked();
  await expect(page.getByLabel("Severity")).toHaveValue("high");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(SEEDED.typeError);
});

test("status, category, search, sort and paging controls filter the list", async ({ page }) => {
  await page.goto("/");
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel("Search errors").fill("valid address");
  await expect(page).toHaveURL(/query=valid\+address/);
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel("Search errors").fill("");
  await expect(rows(page)).toHaveCount(3);
  // Close the search suggestions (they cover the controls below while the box has focus).
  await page.getByLabel("Search errors").press("Escape");

  await page.getByLabel("Category").selectOption("timeout");
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel("Category").selectOption("");
  await expect(page).not.toHaveURL(/category/);
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "resolved", exact: true }).click();
  await expect(page).toHaveURL(/query=is%3Aresolved/);
  await expect(page.getByText("No errors match these filters")).toBeVisible();
  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "resolved", exact: true }).click();

  // The sort is by all-time events, not the row's count for the timeframe: the option says so.
  await expect(page.getByLabel("Sort by").locator('option[value="occurrences"]')).toHaveText("Total events (all time)");
  await page.getByLabel("Sort by").selectOption("occurrences");
  await expect(rows(page).first()).toContainText(SEEDED.spike);
  await page.getByRole("button", { name: /sort ascending/ }).click();
  await expect(page).toHaveURL(/order=asc/);
  await expect(rows(page).first()).toContainText(SEEDED.validation);
});

test("clicking a spike filters the list to that window", async ({ page }) => {
  await page.goto("/");
  const { timeline } = await trackingFromApi(page, "timeframe=24h&severity=all");
  expect(timeline.spikes.length).toBeGreaterThan(0);
  const spike = timeline.spikes[0];

  await page.getByTestId("spike").first().click();
  await expect(page).toHaveURL(new RegExp(`from=${encodeURIComponent(spike.startTime)}`));
  await expect(page.getByTestId("window-filter")).toBeVisible();
  // Errors active during the window: the spike's own error, not the one first seen hours later.
  await expect(rows(page).filter({ hasText: SEEDED.validation })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: SEEDED.spike })).toHaveCount(1);
  await expect(page.getByTestId("spike").first()).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(rows(page)).toHaveCount(3);

  // The chart is clickable too: the shaded spike area (above the bars) and the spike's bars.
  await page.locator(".recharts-reference-area-rect").first().click({ position: { x: 4, y: 4 } });
  await expect(page.getByTestId("window-filter")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("window-filter")).toBeHidden();
  await page.locator("path.spike-bar").first().click();
  await expect(page.getByTestId("window-filter")).toBeVisible();
});

test("the list is keyboard navigable and Escape closes the details", async ({ page }) => {
  await page.goto("/?sort=occurrences");
  const list = page.getByRole("list", { name: /Errors/ });
  // One row's title is in the Tab order; the arrows move to the next row's.
  await list.getByRole("link").first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows(page).nth(1).getByRole("link")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/error=/);
  await expect(page.getByTestId("error-details")).toBeVisible();
  await expect(list.locator("[aria-current=true]")).toContainText(SEEDED.typeError);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("error-details")).toBeHidden();
  await expect(page).not.toHaveURL(/error=/);
  await expect(page.getByRole("heading", { name: "Correlations" })).toBeVisible();

  // j/k move like the arrows, x checks the active issue for a bulk change, "/" goes to the search box.
  await expect(rows(page).nth(1).getByRole("link")).toBeFocused();
  await page.keyboard.press("k");
  await page.keyboard.press("x");
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.keyboard.press("/");
  await expect(page.getByRole("combobox", { name: "Search errors" })).toBeFocused();
});

test("a row's title links to its issue: a plain click selects it, Ctrl+click opens the issue page in a new tab", async ({ page, context }) => {
  await page.goto("/?env=production&sev=high");
  const row = rows(page).filter({ hasText: SEEDED.typeError });
  await expect(rows(page)).toHaveCount(1);
  const id = await row.getAttribute("data-error-id");
  const title = row.getByRole("link", { name: /^TypeError/ });
  // The list's environment goes along: the issue page's events tab opens on it.
  await expect(title).toHaveAttribute("href", `/errors/${id}?environment=production`);

  const [tab] = await Promise.all([context.waitForEvent("page"), title.click({ modifiers: ["ControlOrMeta"] })]);
  await expect(tab.getByTestId("issue-header")).toContainText(SEEDED.typeError);
  expect(tab.url()).toMatch(new RegExp(`/errors/${id}\\?environment=production$`));
  await tab.close();
  await expect(page).not.toHaveURL(/error=/);

  await title.click();
  await expect(page).toHaveURL(new RegExp(`error=${id}`));
  await expect(page.getByTestId("error-details")).toBeVisible();
  await expect(title).toHaveAttribute("aria-current", "true");

  // The same list, full width on the Issues page: its filters, not the panel.
  await page.getByRole("link", { name: "Open in Issues →" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors\\?ws=${t.workspaceId}&env=production&sev=high$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Issues");
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("overview-totalErrors")).toHaveCount(0);
});

test("top errors tabs open an error", async ({ page }) => {
  await page.goto("/");
  const top = page.getByRole("region", { name: "Top errors" });
  await top.getByRole("tab", { name: "By impact" }).click();
  // Impact is ranked by the groups' all-time users and credits, and the card says so.
  await expect(top.getByRole("tabpanel").getByRole("button").first()).toContainText("all time:");
  await top.getByRole("tab", { name: "Unresolved" }).click();
  await top.getByRole("tabpanel").getByRole("button").first().click();
  await expect(page.getByTestId("error-details")).toBeVisible();
});

test("the list pages through many errors", async ({ page, context }) => {
  const many = await createTenant("paging");
  const events = Array.from({ length: 23 }, (_, i) => ({ type: `PagedError${String(i).padStart(2, "0")}`, message: `error number ${i}`, severity: "medium" }));
  expect((await postEvents(many.key, { events })).status).toBe(202);
  await signInAs(context, many.admin);
  await page.goto("/?sort=firstSeen&order=asc");
  await expect(rows(page)).toHaveCount(20);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–20 of 23");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("21–23 of 23");
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(rows(page)).toHaveCount(20);
});

test("the project and environment filters narrow the whole page, and live in the URL", async ({ page, context }) => {
  const two = await createTenant("dash-projects");
  await signInAs(context, two.admin);
  const created = await page.request.post(`/api/v1/workspaces/${two.workspaceId}/projects`, { data: { name: "Mobile app" } });
  expect(created.status()).toBe(201);
  const mobile = (await created.json()) as { id: string; ingestKey: string };
  const web = Array.from({ length: 3 }, (_, i) => ({ type: "WebCheckoutError", message: `cart ${i} failed`, severity: "high", environment: "production" }));
  const app = Array.from({ length: 2 }, (_, i) => ({ type: "MobileSyncError", message: `sync ${i} failed`, severity: "medium", environment: "staging" }));
  expect((await postEvents(two.key, { events: web })).status).toBe(202);
  expect((await postEvents(mobile.ingestKey, { events: app })).status).toBe(202);

  await page.goto("/");
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("overview-totalErrors")).toHaveText("5");
  // Rows of a list that mixes projects name theirs.
  await expect(rows(page).filter({ hasText: "MobileSyncError" }).getByTestId("row-project")).toHaveText("Mobile app");
  await expect(rows(page).filter({ hasText: "WebCheckoutError" }).getByTestId("row-project")).toHaveText(/^Project dash-projects-/);

  await page.getByLabel("Project", { exact: true }).selectOption({ label: "Mobile app" });
  await expect(page).toHaveURL(new RegExp(`project=${mobile.id}`));
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("MobileSyncError");
  await expect(rows(page).first().getByTestId("row-project")).toHaveCount(0);
  await expect(page.getByTestId("overview-totalErrors")).toHaveText("2");
  await expect(page.getByRole("region", { name: "Top errors" })).not.toContainText("WebCheckoutError");
  // The header's links follow the filter just picked, without a reload (they were one change behind).
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Issues", exact: true })).toHaveAttribute("href", `/errors?ws=${two.workspaceId}&project=${mobile.id}`);
  await expect(nav.getByRole("link", { name: "Releases", exact: true })).toHaveAttribute("href", `/releases?ws=${two.workspaceId}&project=${mobile.id}`);
  await expect(nav.getByRole("link", { name: "Settings", exact: true })).toHaveAttribute("href", `/settings?ws=${two.workspaceId}&project=${mobile.id}`);
  await page.getByRole("radio", { name: "Last 7 days" }).click();
  await page.getByRole("radio", { name: "Last 30 days" }).click();
  await expect(page).toHaveURL(/tf=30d/);
  await expect(nav.getByRole("link", { name: "Dashboard", exact: true })).toHaveAttribute("href", `/?ws=${two.workspaceId}&project=${mobile.id}&tf=30d`);
  await expect(nav.getByRole("link", { name: "Issues", exact: true })).toHaveAttribute("href", `/errors?ws=${two.workspaceId}&project=${mobile.id}&tf=30d`);
  await page.getByRole("radio", { name: "Last 24 hours" }).click();
  await expect(nav.getByRole("link", { name: "Issues", exact: true })).toHaveAttribute("href", `/errors?ws=${two.workspaceId}&project=${mobile.id}`);
  // The alerts panel too: the mobile project's new-issue alert only.
  const alerts = page.getByRole("region", { name: /^Active alerts/ });
  await expect(alerts).toContainText("New issue: MobileSyncError");
  await expect(alerts).not.toContainText("WebCheckoutError");

  await page.getByLabel("Project", { exact: true }).selectOption("");
  await page.getByLabel("Environment", { exact: true }).selectOption("production");
  await expect(page).toHaveURL(/env=production/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText("WebCheckoutError");
  await expect(page.getByTestId("overview-totalErrors")).toHaveText("3");
  await expect(alerts).toContainText("New issue: WebCheckoutError");
  // Mixing the projects, each alert names its own.
  await expect(alerts.getByRole("listitem").filter({ hasText: "New issue: MobileSyncError" })).toContainText("Mobile app · New issue");

  // A link keeps both: the mobile project's production events are none.
  await page.goto(`/?project=${mobile.id}&env=production`);
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("production");
  await expect(page.getByTestId("overview-totalErrors")).toHaveText("0");
  await expect(rows(page)).toHaveCount(0);

  // A project that never received an error says where its DSN is.
  const quiet = await page.request.post(`/api/v1/workspaces/${two.workspaceId}/projects`, { data: { name: "Desktop app" } });
  expect(quiet.status()).toBe(201);
  const desktopId = ((await quiet.json()) as { id: string }).id;
  await page.goto(`/?project=${desktopId}`);
  await expect(page.getByRole("status").filter({ hasText: "Desktop app has not received any errors yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "its settings" })).toHaveAttribute("href", `/settings?ws=${two.workspaceId}&project=${desktopId}`);

  // The issue page of a workspace of several projects names its project.
  await page.goto(`/?project=${mobile.id}`);
  const id = await rows(page).first().getAttribute("data-error-id");
  await page.goto(`/errors/${id}`);
  await expect(page.getByTestId("issue-header").getByTitle("Project")).toHaveText("Mobile app");
  // "← Dashboard" returns to the list as this tab left it: still narrowed to the project.
  await page.getByTestId("issue-header").getByRole("link", { name: "← Dashboard" }).click();
  await expect(page).toHaveURL(new RegExp(`project=${mobile.id}`));
  await expect(rows(page)).toHaveCount(1);
  // The header opens the pages with a project filter on that project (in their URL)…
  await page.getByRole("link", { name: "Releases", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/releases\\?ws=${two.workspaceId}&project=${mobile.id}$`));
  await expect(page.getByLabel("Project", { exact: true })).toHaveValue(mobile.id);
  // …and its Dashboard and Issues links keep the project, environment and timeframe (not the list's search or page).
  await page.getByRole("link", { name: "Issues", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/errors\\?ws=${two.workspaceId}&project=${mobile.id}$`));
  await expect(page.getByRole("link", { name: "Issues", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?ws=${two.workspaceId}&project=${mobile.id}$`));
  await expect(rows(page)).toHaveCount(1);
});
