import { BASE_URL, createTenant } from "@/e2e/support/tenant";
import { expect, expectNoSidewaysScrollWhenNarrow, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

test("the crons page: failing monitors first, run strips, a monitor's history, its issue, and deleting one", async ({ page, context }) => {
  const t = await createTenant("crons-ui");
  const checkIn = (slug: string, query: string, body?: unknown) =>
    fetch(`${BASE_URL}/api/${t.projectPublicId}/cron/${slug}/${t.key}/?${query}`, {
      method: body ? "POST" : "GET",
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    }).then((res) => expect(res.status).toBe(202));
  await checkIn("nightly-report", "status=ok&duration=42", { monitor_config: { schedule: { type: "crontab", value: "0 3 * * *" }, timezone: "Europe/Berlin", checkin_margin: 10 } });
  for (const duration of [40, 44, 39]) await checkIn("nightly-report", `status=ok&duration=${duration}`);
  await checkIn("billing-sync", "status=ok", { monitor_config: { schedule: { type: "interval", value: 2, unit: "hour" } } });
  await checkIn("billing-sync", "status=error&duration=3&environment=production");
  await checkIn("cache-warmup", "status=in_progress");

  await signInAs(context, t.admin);
  await page.goto(`/crons?ws=${t.workspaceId}`);
  await expect(page).toHaveTitle("Crons · Faultline");
  const monitors = page.getByTestId("monitor");
  await expect(monitors).toHaveCount(3);
  // Failing first.
  await expect(monitors.first()).toContainText("billing-sync");
  await expect(monitors.first()).toContainText("Failing");
  await expect(monitors.first()).toContainText("every 2 hours");
  const nightly = page.getByRole("listitem", { name: "nightly-report (production)" });
  await expect(nightly).toContainText("0 3 * * * (Europe/Berlin)");
  await expect(nightly).toContainText("OK");
  await expect(nightly.locator('[data-status="ok"]')).toHaveCount(4);
  await expect(page.getByRole("listitem", { name: "cache-warmup (production)" })).toContainText("No schedule");
  await expect(page.getByRole("listitem", { name: "cache-warmup (production)" })).toContainText("First run in progress");
  await screenshotBothWidths(page, "crons-page");

  // History: every run with its duration.
  await nightly.getByRole("button", { name: "History" }).click();
  await expect(nightly.getByTestId("monitor-run")).toHaveCount(4);
  await expect(nightly.getByTestId("monitor-run").first()).toContainText("39.0 s");
  await screenshotBothWidths(page, "crons-history");

  // Giving the curl-made monitor a schedule; a bad crontab is refused on its field.
  await page.getByRole("button", { name: "Edit monitor cache-warmup (production)" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Schedule type").selectOption("crontab");
  await dialog.getByLabel("Crontab").fill("*/15 * * *");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("expected 5 fields");
  await dialog.getByLabel("Crontab").fill("*/15 * * * *");
  await dialog.getByLabel("Margin (min)").fill("3");
  await screenshotBothWidths(page, "crons-edit");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const warmup = page.getByRole("listitem", { name: "cache-warmup (production)" });
  await expect(warmup).toContainText("*/15 * * * * (UTC) · margin 3 min");
  await expect(warmup).toContainText("Next due");

  // Muting the failing one.
  await page.getByRole("button", { name: "Edit monitor billing-sync (production)" }).click();
  await page.getByRole("dialog").getByLabel("Muted: keep recording runs, raise no issues").check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem", { name: "billing-sync (production)" })).toContainText("Muted");

  // Deleting asks first.
  await page.getByRole("button", { name: "Delete monitor cache-warmup (production)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete monitor" }).click();
  await expect(monitors).toHaveCount(2);

  // The failing monitor's issue.
  await monitors.first().getByRole("link", { name: "Issue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CronMonitorFailure");
  await expect(page.getByTestId("issue-monitor")).toContainText("Cron monitor billing-sync (production), now failing");
  await page.getByTestId("issue-monitor").getByRole("link", { name: "see its runs" }).click();
  await expect(page).toHaveURL(new RegExp(`/crons\\?ws=${t.workspaceId}&monitor=`));
  await expect(page.getByTestId("monitor")).toHaveCount(2);
  // It arrives with that monitor's history open.
  await expect(page.getByRole("listitem", { name: "billing-sync (production)" }).getByTestId("monitor-run")).toHaveCount(2);
});

test("an admin adds an uptime monitor and checks it now", async ({ page, context }) => {
  const t = await createTenant("uptime-ui");
  await signInAs(context, t.admin);
  await page.goto(`/crons?ws=${t.workspaceId}`);
  // No monitor yet: the check-in example's one long line scrolls in its box, not the page.
  await expect(page.getByTestId("cron-checkin-command")).toContainText(`/api/${t.projectPublicId}/cron/nightly-report/<key>/?status=ok`);
  await expectNoSidewaysScrollWhenNarrow(page, "crons-empty");
  await page.getByRole("button", { name: "New uptime monitor" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("app-health");
  await dialog.getByLabel("URL").fill(`${BASE_URL}/api/health`);
  await dialog.getByLabel("Check every").selectOption("60");
  await dialog.getByLabel("Keyword", { exact: true }).fill('"status"');
  await dialog.getByRole("button", { name: "Add monitor" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("listitem", { name: "app-health (production)" });
  await expect(row.getByTestId("monitor-url")).toHaveText(`GET ${BASE_URL}/api/health`);
  await expect(row).toContainText("Checked every 60 minutes");
  await row.getByRole("button", { name: "Check app-health (production) now" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "app-health: up" })).toContainText(/app-health: up — HTTP 200 OK in \d+ ms/);
  await expect(row).toContainText("OK");
  await row.getByRole("button", { name: "History" }).click();
  await expect(row.getByTestId("monitor-run").first()).toContainText("HTTP 200");
  await screenshotBothWidths(page, "crons-uptime");

  // The check's keyword, changed in Edit, must now be absent: the next check is down and says why.
  await row.getByRole("button", { name: "Edit monitor app-health (production)" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByLabel("Keyword", { exact: true })).toHaveValue('"status"');
  await edit.getByLabel("Keyword must").selectOption("absent");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByTestId("monitor-check")).toHaveText('""status"" not in the body');
  await row.getByRole("button", { name: "Check app-health (production) now" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "app-health: down" })).toContainText('HTTP 200 OK, but the body contains ""status""');
});
