import { createRequire } from "node:module";
import type { Locator, Page } from "@playwright/test";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, signInAs, test } from "@/e2e/ui/fixtures";

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
