import { createRequire } from "node:module";
import type { Locator, Page } from "@playwright/test";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, expectNoSidewaysScrollWhenNarrow, signInAs, test } from "@/e2e/ui/fixtures";

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on the pages a team lives in, light and dark: no serious
 * or critical violation, no rule left out. (The issue list was a listbox whose options held
 * checkboxes, which axe reports as nested controls; it is a list of rows, each a checkbox and a link.)
 */
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let t: Tenant;
let issueId: string;
/** An issue a failing cron monitor raised: its header links to the monitor's runs from inside a sentence. */
let monitorIssueId: string;
/** An issue named by a 232-character type without a space and an 800-character URL. */
let longIssueId: string;
const LONG_TYPE = "A11yVeryLongExceptionTypeName".repeat(8);
const LONG_MESSAGE = `https://example.com/${"segment/".repeat(60)}?q=${"x".repeat(300)}`;

test.beforeAll(async () => {
  t = await createTenant("a11y");
  // The instance operator: the status page with every section (the whole database, jobs, this instance).
  await query(`UPDATE "User" SET operator = true WHERE id = $1`, [t.admin.id]);
  const res = await postEvents(t.key, {
    events: [
      { type: "PaymentDeclined", message: "card declined", severity: "critical", environment: "production" },
      { type: "TimeoutError", message: "upstream timed out", severity: "high", environment: "staging" },
      { type: "ValidationError", message: "email is invalid", severity: "medium" },
    ],
  });
  issueId = (await res.json()).accepted[0].groupId;
  const long = await postEvents(t.key, { type: LONG_TYPE, message: LONG_MESSAGE, severity: "high", tags: { longtag: "v".repeat(190), url: `https://shop.example.com/${"a".repeat(300)}` } });
  longIssueId = (await long.json()).accepted[0].groupId;
  const checkIn = (query: string, body?: unknown) =>
    fetch(`${BASE_URL}/api/${t.projectPublicId}/cron/nightly-report/${t.key}/?${query}`, {
      method: body ? "POST" : "GET",
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    }).then((r) => expect(r.status).toBe(202));
  await checkIn("status=ok", { monitor_config: { schedule: { type: "interval", value: 1, unit: "day" } } });
  await checkIn("status=error");
  await expect
    .poll(async () => (monitorIssueId = (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'CronMonitorFailure'`, [t.projectId]))[0]?.id), { timeout: 20_000 })
    .toBeTruthy();
});

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations;
  });
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

const PAGES: { path: () => string; ready: (page: Page) => Locator }[] = [
  { path: () => `/?ws=${t.workspaceId}`, ready: (page) => page.getByTestId("error-row").first() },
  { path: () => `/errors?ws=${t.workspaceId}`, ready: (page) => page.getByTestId("error-row").first() },
  { path: () => `/errors/${issueId}`, ready: (page) => page.getByTestId("issue-header") },
  { path: () => `/errors/${monitorIssueId}`, ready: (page) => page.getByTestId("issue-monitor").getByRole("link", { name: "see its runs" }) },
  { path: () => `/errors/${longIssueId}`, ready: (page) => page.getByTestId("issue-header") },
  { path: () => `/settings?ws=${t.workspaceId}`, ready: (page) => page.getByRole("region", { name: "Inbound filters" }) },
  { path: () => `/settings/alerts?ws=${t.workspaceId}`, ready: (page) => page.getByTestId("rule-row").first() },
  { path: () => `/account?ws=${t.workspaceId}`, ready: (page) => page.getByTestId("time-zone") },
  { path: () => `/reports?ws=${t.workspaceId}`, ready: (page) => page.getByTestId("report") },
  { path: () => `/settings/status?ws=${t.workspaceId}`, ready: (page) => page.getByRole("region", { name: "Background jobs" }) },
];

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violation on the main pages (${colorScheme})`, async ({ page, context }) => {
    await signInAs(context, t.admin);
    await page.emulateMedia({ colorScheme });
    const problems: string[] = [];
    for (const { path, ready } of PAGES) {
      await page.goto(path());
      await expect(ready(page)).toBeVisible();
      problems.push(...(await violations(page)).map((v) => `${path()}: ${v}`));
    }
    expect(problems).toEqual([]);
  });
}

test("a skip link is the first stop of a page with the app's header, and takes focus past the header to the content", async ({ page, context }) => {
  await signInAs(context, t.admin);
  await page.goto(`/?ws=${t.workspaceId}`);
  await expect(page.getByTestId("error-row").first()).toBeVisible();
  const skip = page.getByRole("link", { name: "Skip to content" });
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main"))), "the stop after the skip is in the content").toBe(true);

  // An issue's content starts with its header: its title and actions.
  await page.goto(`/errors/${issueId}`);
  await expect(page.getByTestId("issue-header")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("issue-header")).toBeFocused();
  // The events histogram in words, for those who cannot see its bars.
  await expect(page.getByTestId("histogram-summary")).toHaveText(/^1 event in the last 24 hours; the most in one hour: 1 event, \w{3} \d{1,2}, \d\d:00 UTC\.$/);
});

test("a very long issue title takes three lines of the issue's header, the whole on demand; no page widens past 390 px", async ({ page, context }) => {
  await signInAs(context, t.admin);
  await page.goto(`/errors/${issueId}`);
  await expect(page.getByTestId("issue-header")).toBeVisible();
  await expect(page.getByRole("button", { name: "Show the whole title" })).toHaveCount(0);

  await page.goto(`/errors/${longIssueId}`);
  const title = page.getByTestId("issue-header").getByRole("heading", { level: 1 });
  await expect(title).toContainText(LONG_TYPE);
  const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const height = async () => (await title.boundingBox())?.height ?? 0;
  // (A line holding the monospace type is a little taller than the heading's line height.)
  expect(await height()).toBeLessThan(4 * lineHeight);
  await page.getByRole("button", { name: "Show the whole title" }).click();
  await expect.poll(height).toBeGreaterThan(6 * lineHeight);
  await page.getByRole("button", { name: "Show less of the title" }).click();
  await expect.poll(height).toBeLessThan(4 * lineHeight);
  await expectNoSidewaysScrollWhenNarrow(page, "long-issue");

  await page.goto(`/?ws=${t.workspaceId}&error=${longIssueId}`);
  await expect(page.getByTestId("error-details")).toContainText(LONG_TYPE);
  await expectNoSidewaysScrollWhenNarrow(page, "long-issue-details");
  await page.goto(`/errors?ws=${t.workspaceId}`);
  await expect(page.getByTestId("error-row").filter({ hasText: LONG_TYPE.slice(0, 40) })).toBeVisible();
  await expectNoSidewaysScrollWhenNarrow(page, "long-issue-row");
});
