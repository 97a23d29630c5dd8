import type { Page } from "@playwright/test";
import { query } from "@/e2e/support/dbCounts";
import { startSentryShop } from "@/e2e/support/sentryShop";
import { createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { expect, expectNoSidewaysScrollWhenNarrow, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

const app = new URL(process.env.APP_URL ?? "http://127.0.0.1:3100");

/** The shop page's globals: the real @sentry/browser SDK, and what the dialog's onClose set. */
interface ShopWindow {
  Sentry: { lastEventId(): string | undefined; showReportDialog(options: { user?: { name?: string; email?: string }; onClose?: () => void }): void };
  dialogClosed?: boolean;
}

async function groupOfType(t: Tenant, type: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => (id = (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 AND type = $2`, [t.projectId, type]))[0]?.id), { timeout: 20_000 })
    .toBeTruthy();
  return id!;
}

async function screenshotsLightAndDark(page: Page, name: string) {
  await screenshotBothWidths(page, name);
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: "light" });
}

test("the issue page shows a real @sentry/browser event: frames with source context, breadcrumbs, request, user, tags, contexts, SDK", async ({ page, context, browser }) => {
  const t = await createTenant("issue-page");
  const shop = await startSentryShop(`http://${t.key}@${app.host}/${t.projectPublicId}`, "shop-web@3.1.0");
  try {
    // The customer's browser is another context: its page error is the point, not a failure of ours.
    const customerContext = await browser.newContext();
    const customer = await customerContext.newPage();
    await customer.goto(shop.url);
    await customer.click("#add");
    await customer.click("#buy");
    // The shop offers Sentry's crash-report dialog (served by Faultline): the shopper says what happened.
    await expect.poll(() => customer.evaluate(() => Boolean((window as unknown as ShopWindow).Sentry.lastEventId()))).toBe(true);
    await customer.evaluate(() => {
      const w = window as unknown as ShopWindow;
      w.Sentry.showReportDialog({ user: { name: "Shopper 42", email: "shopper@example.com" }, onClose: () => (w.dialogClosed = true) });
    });
    await expect(customer.getByRole("dialog")).toContainText("Something went wrong.");
    await expect(customer.getByLabel("Name")).toHaveValue("Shopper 42");
    await expect(customer.getByLabel("Email")).toHaveValue("shopper@example.com");
    await customer.getByRole("button", { name: "Send report" }).click();
    await expect(customer.getByRole("dialog")).toContainText("Please tell us what happened");
    await customer.getByLabel("What happened?").fill("I pressed Buy and nothing happened.");
    await screenshotBothWidths(customer, "report-dialog");
    await customer.getByRole("button", { name: "Send report" }).click();
    await expect(customer.getByRole("dialog")).toContainText("Thank you: your report was sent.");
    await customer.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await expect(customer.getByRole("dialog")).toHaveCount(0);
    await expect.poll(() => customer.evaluate(() => (window as unknown as ShopWindow).dialogClosed === true)).toBe(true);
    const id = await groupOfType(t, "TypeError");
    await customerContext.close();

    await signInAs(context, t.admin);
    await page.goto(`/errors/${id}`);
    await expect(page).toHaveTitle(/^TypeError: Cannot read properties of undefined \(reading 'items'\) · Faultline$/);
    const header = page.getByTestId("issue-header");
    await expect(header).toContainText("TypeError");
    await expect(header).toContainText("Cannot read properties of undefined (reading 'items')");
    await expect(page.getByTestId("issue-culprit")).toContainText("in checkout");
    await expect(header).toContainText("in shop-web@3.1.0");

    const viewer = page.getByTestId("event-viewer");
    await expect(viewer.getByText("Latest event")).toBeVisible();
    // The in-app frame is open, with the page's own source lines, highlighted as JavaScript.
    const appFrame = viewer.getByTestId("frame").filter({ hasText: "checkout" }).first();
    const source = appFrame.getByTestId("frame-source");
    await expect(source).toBeVisible();
    await expect(source).toContainText("return cart.items.length;");
    await expect(source).toContainText("const cart = undefined;");
    await expect(source).toHaveAttribute("data-language", "javascript");
    expect(await source.locator(".token").count()).toBeGreaterThan(3);
    await expect(viewer.getByTestId("exception")).toContainText("unhandled");

    const crumbs = viewer.getByTestId("breadcrumbs");
    await expect(crumbs).toContainText("ui.click");
    await expect(crumbs).toContainText("console");
    await expect(crumbs).toContainText("added 1 item to the cart");
    await expect(viewer.getByTestId("request-line")).toContainText(shop.url);
    await expect(viewer.getByTestId("request-headers")).toContainText("User-Agent");
    await expect(viewer.getByTestId("event-user")).toContainText("shopper-42");
    const tags = viewer.getByTestId("event-tags");
    await expect(tags).toContainText("checkout_step");
    await expect(tags).toContainText("browser");
    await expect(tags).toContainText(/Chrom(e|ium)/);
    await expect(viewer.getByTestId("context-browser")).toContainText(/Chrom/);
    const facts = viewer.getByTestId("event-facts");
    await expect(facts).toContainText("shop-web@3.1.0");
    await expect(facts).toContainText("production");
    await expect(facts).toContainText("sentry.javascript.browser");
    // The file the shop attached to its scope, downloadable from the event.
    const file = viewer.getByTestId("attachments").getByRole("link", { name: "cart-state.json" });
    await expect(file).toBeVisible();
    const downloaded = await page.request.get((await file.getAttribute("href"))!);
    expect(downloaded.headers()["content-disposition"]).toMatch(/^attachment; filename="cart-state.json"/);
    expect(await downloaded.json()).toEqual({ items: 1, step: "payment" });

    // Sidebar: tag distribution from the rollup and the 24 h histogram.
    await expect(page.getByTestId("tag-browser")).toContainText("100%");
    await expect(page.getByTestId("histogram-total")).toContainText("1 event in the last 24 hours");
    await screenshotsLightAndDark(page, "issue-page");

    // A member comments; the activity tab shows it.
    await page.getByRole("tab", { name: "Activity" }).click();
    await page.getByLabel("Comment").fill("Cart is undefined when the session expired: reproducing.");
    await page.getByRole("button", { name: "Add comment" }).click();
    await expect(page.getByTestId("comment")).toContainText("reproducing");
    await page.getByRole("tab", { name: "Investigation" }).click();
    await expect(page.getByTestId("pattern")).toContainText("isolated");
    await expect(page.getByTestId("checklist")).toContainText("Monitor for recurrence - may be transient issue");
    // The box is controlled by the saved state: it shows checked once the server has it.
    await page.getByTestId("checklist").getByRole("checkbox").first().click();
    await expect(page.getByTestId("checklist").getByRole("checkbox").first()).toBeChecked();
    await page.reload();
    await expect(page.getByTestId("checklist").getByRole("checkbox").first()).toBeChecked();
    await screenshotsLightAndDark(page, "issue-investigation");

    // What the shopper wrote in the dialog, on the issue of the event it is about.
    const [{ eventId }] = await query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorOccurrence" WHERE "groupId" = $1 LIMIT 1`, [id]);
    await expect(page.getByTestId("feedback-count")).toHaveText("1");
    await page.getByRole("tab", { name: "User feedback" }).click();
    const feedback = page.getByTestId("feedback-item");
    await expect(feedback).toContainText("I pressed Buy and nothing happened.");
    await expect(feedback).toContainText("Shopper 42");
    await expect(feedback).toContainText("shopper@example.com");
    await screenshotsLightAndDark(page, "issue-feedback");
    await feedback.getByRole("button", { name: `event ${eventId.slice(0, 12)}` }).click();
    await expect(page).toHaveURL(new RegExp(`event=${eventId}`));
    await expect(page.getByTestId("event-viewer")).toBeVisible();
    // The workspace's feedback page lists it too, linked to the issue.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feedback" }).click();
    const listed = page.getByTestId("feedback-item").filter({ hasText: "I pressed Buy and nothing happened." });
    await expect(listed.getByRole("link")).toContainText("TypeError");
    await screenshotBothWidths(page, "feedback-page");
    await listed.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/errors/${id}\\?event=${eventId}`));
  } finally {
    await shop.close();
  }
});

test("event navigation, folded library frames and the events tab", async ({ page, context, consoleGuard }) => {
  const t = await createTenant("issue-nav");
  const frames = [
    { function: "main", filename: "/srv/app/src/main.ts", lineno: 3, inApp: true },
    { function: "dispatch", filename: "/srv/app/node_modules/router/index.js", lineno: 120, inApp: false },
    { function: "handle", filename: "/srv/app/node_modules/router/layer.js", lineno: 40, inApp: false },
    { function: "chargeCard", filename: "/srv/app/src/billing/charge.ts", lineno: 17, inApp: true, preContext: ["export function chargeCard(card: Card) {"], contextLine: "  return gateway.charge(card.token);", postContext: ["}"] },
  ];
  const now = Date.now();
  const events = ["production", "staging", "production"].map((environment, i) => ({
    eventId: `nav-${i}`,
    type: "GatewayError",
    message: `gateway refused (${i})`,
    severity: "high",
    environment,
    release: `api@1.0.${i}`,
    stackTrace: frames,
    occurredAt: new Date(now - (3 - i) * 60_000).toISOString(),
  }));
  expect((await postEvents(t.key, { events })).status).toBe(202);
  const id = await groupOfType(t, "GatewayError");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);

  const viewer = page.getByTestId("event-viewer");
  await expect(viewer).toHaveAttribute("data-event-id", "nav-2");
  await expect(viewer.getByTestId("frame-source")).toContainText("gateway.charge(card.token)");
  await expect(viewer.getByTestId("frame-source")).toHaveAttribute("data-language", "typescript");
  const folded = viewer.getByTestId("library-frames");
  await expect(folded).toContainText("Show 2 library frames");
  await expect(viewer.getByText("dispatch")).toBeHidden();
  await folded.getByRole("button").click();
  await expect(viewer.getByText("dispatch")).toBeVisible();

  await viewer.getByRole("button", { name: "Older" }).click();
  await expect(page).toHaveURL(/event=nav-1/);
  await expect(viewer).toHaveAttribute("data-event-id", "nav-1");
  await viewer.getByRole("button", { name: "First" }).click();
  await expect(viewer).toHaveAttribute("data-event-id", "nav-0");
  await expect(viewer.getByRole("button", { name: "Older" })).toBeDisabled();
  await viewer.getByRole("button", { name: "Newer" }).click();
  await expect(viewer).toHaveAttribute("data-event-id", "nav-1");
  await viewer.getByRole("button", { name: "Latest" }).click();
  await expect(viewer).toHaveAttribute("data-event-id", "nav-2");
  await expect(page).not.toHaveURL(/event=/);

  await page.getByRole("tab", { name: "All events" }).click();
  await expect(page.getByTestId("event-row")).toHaveCount(3);
  await page.getByLabel("Filter events by environment").fill("staging");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  // Typed filters live in the page's URL (a reload and Back keep them); typing on while the URL changes keeps the field's focus.
  await expect(page).toHaveURL(/[?&]environment=staging(&|$)/);
  const releaseFilter = page.getByLabel("Filter events by release");
  await releaseFilter.fill("api@1.0");
  await expect(page).toHaveURL(/[?&]release=api%401\.0(&|$)/);
  await expect(releaseFilter).toBeFocused();
  await page.keyboard.type(".1");
  await expect(page).toHaveURL(/[?&]release=api%401\.0\.1(&|$)/);
  await expect(releaseFilter).toBeFocused();
  await page.reload();
  await expect(page.getByLabel("Filter events by environment")).toHaveValue("staging");
  await expect(releaseFilter).toHaveValue("api@1.0.1");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  // A tag value's link (the URL changed from outside the tab) replaces what the fields show.
  await page.getByRole("link", { name: /^production\s*[\d.]+%$/ }).click();
  await expect(page.getByLabel("Filter events by environment")).toHaveValue("production");
  await expect(releaseFilter).toHaveValue("");
  await expect(page.getByTestId("event-row")).toHaveCount(2);
  await page.goBack();
  await expect(page.getByLabel("Filter events by environment")).toHaveValue("staging");
  await expect(releaseFilter).toHaveValue("api@1.0.1");
  await expect(page.getByTestId("event-row")).toHaveCount(1);
  await page.getByTestId("event-row").click();
  await expect(page).toHaveURL(/event=nav-1/);
  await expect(page.getByTestId("event-viewer")).toHaveAttribute("data-event-id", "nav-1");
  // The Event tab keeps to the events the tab was narrowed to: staging has only this one.
  await expect(page).toHaveURL(/environment=staging/);
  await expect(viewer.getByTestId("event-filters")).toContainText("environment staging");
  await expect(viewer.getByRole("button", { name: "Older" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Newer" })).toBeDisabled();

  // A link narrowed to production (the list's environment) opens its latest event and steps over staging's.
  await page.goto(`/errors/${id}?environment=production`);
  await expect(viewer).toHaveAttribute("data-event-id", "nav-2");
  await viewer.getByRole("button", { name: "Older" }).click();
  await expect(viewer).toHaveAttribute("data-event-id", "nav-0");
  consoleGuard.allow(/status of 404 .*\/events\/latest\?environment=qa/);
  await page.goto(`/errors/${id}?environment=qa`);
  await expect(page.getByTestId("event-viewer-empty")).toContainText("No event of this issue matches these filters.");
  await page.getByRole("button", { name: "Show every event" }).click();
  await expect(viewer).toHaveAttribute("data-event-id", "nav-2");
  await expect(page).not.toHaveURL(/environment=/);

  // A stack with no application frame at all — its SDK flagged every frame library, and the
  // built-in lists find only dependencies too — is shown open, not folded away. (An SDK's blanket
  // in_app: false over the app's own files is read as no flags: those frames show as the app's.)
  const allLibrary = frames.map((f) => ({ ...f, filename: f.filename.replace("/srv/app/src/", "/srv/app/node_modules/worker/"), inApp: false }));
  expect((await postEvents(t.key, { type: "ScriptError", message: "no app frames", stackTrace: allLibrary })).status).toBe(202);
  await page.goto(`/errors/${await groupOfType(t, "ScriptError")}`);
  await expect(page.getByTestId("library-frames").getByRole("button")).toHaveText(/Hide 4 library frames/);
  await expect(page.getByTestId("event-viewer").getByText("dispatch")).toBeVisible();

  // Long values (a 180-character url tag, a 60-character environment: the limit is 64) are cut or
  // wrapped in their boxes: neither the issue page nor the list scrolls sideways, wide or narrow.
  const url = `https://shop.example.com/checkout/${"session-".repeat(30)}`.slice(0, 180);
  const environment = `preview-${"x".repeat(60)}`.slice(0, 60);
  expect((await postEvents(t.key, { type: "LongValuesError", message: "long values", environment, tags: { url } })).status).toBe(202);
  await page.goto(`/errors/${await groupOfType(t, "LongValuesError")}`);
  await expect(page.getByTestId("event-tags").getByRole("link", { name: new RegExp(`^url\\s*${url}`) })).toBeVisible();
  const wide = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(wide.scroll, "the issue page scrolls sideways").toBeLessThanOrEqual(wide.client);
  await expectNoSidewaysScrollWhenNarrow(page, "issue page with long values");
  await page.goto(`/errors?ws=${t.workspaceId}&env=${environment}`);
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue(environment);
  await expect(page.getByTestId("error-row")).toHaveCount(1);
  await expectNoSidewaysScrollWhenNarrow(page, "issue list with a long environment");
});

test("a tag whose key the plain key:value syntax cannot name links to the issues that have it (tags[key]:value)", async ({ page, context }) => {
  const t = await createTenant("odd-tag-keys");
  expect((await postEvents(t.key, { type: "PaymentFailed", message: "card declined", tags: { "payment provider": "stripe", "k8s:pod": "web-1" } })).status).toBe(202);
  expect((await postEvents(t.key, { type: "OtherFailure", message: "unrelated" })).status).toBe(202);
  await signInAs(context, t.member);
  const id = await groupOfType(t, "PaymentFailed");
  for (const [name, query] of [[/^payment provider\s*stripe/, 'tags["payment provider"]:stripe'], [/^k8s:pod\s*web-1/, "tags[k8s:pod]:web-1"]] as const) {
    await page.goto(`/errors/${id}`);
    await page.getByTestId("event-tags").getByRole("link", { name }).click();
    await expect(page.getByRole("combobox", { name: "Search errors" })).toHaveValue(query);
    await expect(page.getByTestId("error-row")).toHaveCount(1);
    await expect(page.getByTestId("error-row")).toContainText("PaymentFailed");
  }
});

test("resolve in the next release: an old release's event keeps it resolved, a newer one reopens it", async ({ page, context }) => {
  const t = await createTenant("next-release");
  const send = (release: string) => postEvents(t.key, { type: "ReleaseBug", message: "totals do not add up", severity: "high", release, stackTrace: "ReleaseBug: x\n    at total (/srv/app/src/cart.ts:9:3)" });
  expect((await send("web@2.4.0")).status).toBe(202);
  const id = await groupOfType(t, "ReleaseBug");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);
  await page.getByRole("button", { name: "More resolve options" }).click();
  await page.getByRole("menuitem", { name: /Resolve in the next release/ }).click();
  await expect(page.getByTestId("issue-status")).toHaveText(/RESOLVED/);
  await expect(page.getByTestId("status-detail")).toHaveText(/Resolved in the next release after web@2.4.0/);
  await screenshotBothWidths(page, "issue-resolved-next-release");

  // web@2.4.0 again: no regression. The page keeps polling; once the newer release arrives it reopens.
  await send("web@2.4.0");
  await send("web@2.5.0");
  await expect(page.getByTestId("issue-status")).toHaveText(/NEW/, { timeout: 20_000 });
  await expect(page.getByTestId("issue-events")).toHaveText("3");
  const audit = await query<{ action: string; after: { release?: string } }>(`SELECT action, after FROM "AuditLog" WHERE "targetId" = $1 ORDER BY at`, [id]);
  expect(audit.map((a) => a.action)).toEqual(["error.resolved", "error.regressed"]);
  expect(audit[1].after.release).toBe("web@2.5.0");
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByTestId("audit-trail")).toContainText("resolved it in the next release");
  await expect(page.getByTestId("audit-trail")).toContainText("reopened it (new events after it was resolved)");
});

test("linked issues: a member links the issue to its GitHub issue from the sidebar, sees its short name and the activity, and removes it", async ({ page, context }) => {
  const t = await createTenant("linked-issues");
  expect((await postEvents(t.key, { type: "TrackedBug", message: "stock goes negative", stackTrace: "TrackedBug: x\n    at reserve (/srv/app/src/stock.ts:4:2)" })).status).toBe(202);
  const id = await groupOfType(t, "TrackedBug");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);
  const card = page.getByRole("region", { name: "Linked issues" });
  await expect(card).toContainText("Not tracked anywhere else yet.");
  await card.getByRole("button", { name: "Link an issue" }).click();
  await card.getByLabel("Issue address").fill("https://github.com/acme/shop/issues/314");
  await card.getByLabel("Title (optional)").fill("Stock can go negative");
  await card.getByRole("button", { name: "Link", exact: true }).click();
  await expect(card.getByRole("link", { name: /acme\/shop#314/ })).toHaveAttribute("href", "https://github.com/acme/shop/issues/314");
  await expect(card.getByTestId("linked-issue")).toContainText("Stock can go negative");
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByTestId("audit-trail")).toContainText("linked it to acme/shop#314");
  await card.getByRole("button", { name: "Remove the link to acme/shop#314" }).click();
  await expect(card).toContainText("Not tracked anywhere else yet.");
});

test("notifications: the assignee's bell counts the assignment and opens the issue; following and unfollowing it; keyboard triage; mentioning a member", async ({ page, context }) => {
  const t = await createTenant("bell");
  expect((await postEvents(t.key, { type: "LedgerDrift", message: "ledger off by 0.01", stackTrace: "LedgerDrift: x\n    at close (/srv/app/src/ledger.ts:9:3)" })).status).toBe(202);
  const id = await groupOfType(t, "LedgerDrift");
  expect((await patchJson(`/api/v1/errors/${id}`, await login(t.admin), { assigneeId: t.member.id })).status).toBe(200);
  // The workflow-notifications job makes it within seconds; the page then shows it on its first load.
  const memberCookie = await login(t.member);
  await waitFor(async () => ((await (await getJson("/api/v1/notifications", { cookie: memberCookie })).json()).unreadCount === 1 ? true : undefined), 30_000, 250);

  await signInAs(context, t.member);
  await page.goto("/");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications: 1 unread");
  await bell.click();
  const item = page.getByTestId("notification-item");
  await expect(item).toContainText("assigned an issue to you or your team");
  await expect(item).toContainText("LedgerDrift: ledger off by 0.01");
  await screenshotBothWidths(page, "notifications-inbox");
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/errors/${id}`));
  await expect(bell).toHaveAccessibleName("Notifications");

  // The assignee follows the issue until they choose not to.
  const follow = page.getByTestId("follow-issue");
  await expect(follow).toHaveText("Following");
  await expect(follow).toHaveAttribute("title", "You follow this issue: assigned to you");
  await follow.click();
  await expect(follow).toHaveText("Follow");
  await page.reload();
  await expect(page.getByTestId("follow-issue")).toHaveText("Follow");

  // Keyboard triage: f follows again, r resolves, u reopens, ? lists them; none while typing.
  await page.keyboard.press("f");
  await expect(page.getByTestId("follow-issue")).toHaveText("Following");
  // (The header's buttons: the sidebar lists the open alerts, with Resolve buttons of their own.)
  const header = page.getByTestId("issue-header");
  await page.keyboard.press("r");
  await expect(header.getByRole("button", { name: "Reopen" })).toBeVisible();
  await page.keyboard.press("u");
  await expect(header.getByRole("button", { name: "Resolve", exact: true })).toBeVisible();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog.getByTestId("shortcut-list")).toContainText("Assign to me");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Letters typed while a list or popover is open are its own (the workspace list jumps to the
  // workspace a letter starts): nothing behind it is resolved or ignored.
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  const workspaces = page.getByRole("listbox");
  await expect(workspaces).toBeFocused();
  await page.keyboard.press("r");
  await page.keyboard.press("i");
  await page.keyboard.press("Escape");
  await expect(workspaces).toBeHidden();
  await bell.click();
  const inbox = page.locator("[id^=headlessui-popover-panel]");
  await expect(inbox.getByRole("heading", { name: "Notifications" })).toBeVisible();
  // Focus stays on the bell as the panel opens; then on a link inside it.
  await page.keyboard.press("r");
  await inbox.getByRole("link", { name: "Notification settings" }).focus();
  await page.keyboard.press("i");
  await page.keyboard.press("Escape");
  await expect(inbox).toBeHidden();
  // A key the page does take, pressed after them: the letters before it reached the page and were left alone.
  await page.keyboard.press("?");
  await expect(dialog.getByTestId("shortcut-list")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(header.getByRole("button", { name: "Resolve", exact: true })).toBeVisible();
  expect((await (await page.request.get(`/api/v1/errors/${id}`)).json()).status).toBe("new");

  // "@" in a comment offers the members; the one picked is named by a handle and notified.
  await page.getByRole("tab", { name: "Activity" }).click();
  const box = page.getByLabel("Comment");
  await box.fill("Over to you ");
  await box.press("End");
  await box.pressSequentially("@adm");
  const option = page.getByRole("option", { name: new RegExp(t.admin.email) });
  await expect(option).toBeVisible();
  await box.press("Enter");
  const handle = t.admin.email.slice(0, t.admin.email.indexOf("@"));
  await expect(box).toHaveValue(`Over to you @${handle} `);
  await box.pressSequentially("for the ledger");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByTestId("comment").first()).toContainText(`Over to you @${handle} for the ledger`);
  const adminCookie = await login(t.admin);
  await waitFor(async () => ((await (await getJson("/api/v1/notifications", { cookie: adminCookie })).json()).items.some((n: { kind: string }) => n.kind === "mentioned") ? true : undefined), 30_000, 250);
});

test("ignore until N more events, then the issue reopens by itself", async ({ page, context }) => {
  const t = await createTenant("ignore-n");
  const send = (n: number) => postEvents(t.key, { events: Array.from({ length: n }, () => ({ type: "NoisyWarning", message: "cache miss storm", severity: "medium" })) });
  expect((await send(1)).status).toBe(202);
  const id = await groupOfType(t, "NoisyWarning");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);
  await page.getByRole("button", { name: "Ignore", exact: true }).click();
  await page.getByRole("menuitem", { name: "Until N more events…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("More events").fill("3");
  await dialog.getByRole("button", { name: "Ignore", exact: true }).click();
  await expect(page.getByTestId("issue-status")).toHaveText(/IGNORED/);
  await expect(page.getByTestId("status-detail")).toHaveText("Ignored until 3 more events");
  // Reloaded rather than waiting for the page's poll (the resolve-in-the-next-release test above waits for the poll).
  await send(2);
  await page.reload();
  await expect(page.getByTestId("status-detail")).toHaveText("Ignored until 1 more event");
  await send(1);
  await page.reload();
  await expect(page.getByTestId("issue-status")).toHaveText(/NEW/);
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByTestId("audit-trail")).toContainText("reopened it (the event count it was ignored until was reached)");
  await expect(page.getByTestId("audit-trail")).toContainText("ignored it until 3 more events");
});

test("ignore and discard new events: they are dropped until someone keeps them again", async ({ page, context }) => {
  const t = await createTenant("discard-ui");
  const send = () => postEvents(t.key, { type: "HealthCheckNoise", message: "upstream ping failed", severity: "low" });
  expect((await send()).status).toBe(202);
  const id = await groupOfType(t, "HealthCheckNoise");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);
  await page.getByRole("button", { name: "Ignore", exact: true }).click();
  await page.getByRole("menuitem", { name: /Forever, and discard new events/ }).click();
  await expect(page.getByTestId("discard-note")).toContainText("New events of this issue are discarded");
  await expect(page.getByTestId("issue-status")).toHaveText(/IGNORED/);
  expect((await (await send()).json()).filtered).toEqual([expect.objectContaining({ reason: "discarded" })]);

  await page.getByRole("button", { name: "Keep new events" }).click();
  await expect(page.getByTestId("discard-note")).toHaveCount(0);
  expect((await (await send()).json()).accepted).toEqual([expect.objectContaining({ groupId: id })]);
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page.getByTestId("audit-trail")).toContainText("discarded its new events");
  await expect(page.getByTestId("audit-trail")).toContainText("kept its new events again");
});

test("a link to an issue merged since leads to the issue that holds its events; an unknown issue says so", async ({ page, context, consoleGuard }) => {
  // Both pages ask for an issue that is no more: the browser logs those 404s, and the unknown issue's pages' own.
  consoleGuard.allow(/status of 404 .*\/api\/v1\/errors\//);
  consoleGuard.allow(/status of 404 .*\/errors\/(not-a-uuid|00000000-0000-4000-8000-000000000000)$/);
  const t = await createTenant("merged-link");
  const send = (fn: string) => postEvents(t.key, { type: "LinkBug", message: "stale link", stackTrace: `LinkBug: stale link\n    at ${fn} (/srv/app/src/${fn}.ts:4:2)` });
  const ids: string[] = [];
  for (const fn of ["first", "second"]) ids.push((await (await send(fn)).json()).accepted[0].groupId);
  await signInAs(context, t.member);
  const merged = await page.request.post("/api/v1/errors/merge", { data: { targetId: ids[0], sourceIds: [ids[1]] } });
  expect(merged.status()).toBe(200);

  await page.goto(`/errors/${ids[1]}?tab=events`);
  await expect(page).toHaveURL(new RegExp(`/errors/${ids[0]}\\?tab=events&mergedFrom=${ids[1]}$`));
  await expect(page.getByRole("status").filter({ hasText: "was merged into this one" })).toContainText(ids[1].slice(0, 8));
  await expect(page.getByTestId("issue-events")).toHaveText("2");
  // Sentry's and GlitchTip's address of an issue (/issues/<id>) leads to the same page.
  await page.goto(`/issues/${ids[0]}`);
  await expect(page).toHaveURL(new RegExp(`/errors/${ids[0]}$`));
  await expect(page.getByTestId("issue-events")).toHaveText("2");

  // An unknown issue is a 404 (for link checkers and monitors too), in the app's not-found page.
  expect((await page.goto("/errors/not-a-uuid"))?.status()).toBe(404);
  const unknown = await page.goto("/errors/00000000-0000-4000-8000-000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Issue not found");
  await expect(page).toHaveTitle("Issue not found · Faultline");
  await page.getByRole("link", { name: "Back to the issues" }).click();
  // The Issues page (the list alone).
  await expect(page).toHaveURL(/\/errors(\?ws=[^&]+)?$/);
});

test("a link to an event an unmerge moved out of the issue says so and opens it where it is now; the trail links the other issue", async ({ page, context, consoleGuard }) => {
  // The event view asks the first issue for an event it no longer holds: the browser logs that 404.
  consoleGuard.allow(/status of 404 .*\/api\/v1\/errors\/.*\/events\//);
  const t = await createTenant("moved-event-link");
  const send = (eventId: string, fn: string) => postEvents(t.key, { eventId, type: "MovedBug", message: `broke in ${fn}`, stackTrace: `MovedBug: broke in ${fn}\n    at ${fn} (/srv/app/src/${fn}.ts:4:2)` });
  const a = (await (await send("ui-moved-a", "keep")).json()).accepted[0].groupId as string;
  const b = (await (await send("ui-moved-b", "leave")).json()).accepted[0].groupId as string;
  await signInAs(context, t.member);
  expect((await page.request.post("/api/v1/errors/merge", { data: { targetId: a, sourceIds: [b] } })).status()).toBe(200);
  const { fingerprints } = (await (await page.request.get(`/api/v1/errors/${a}/fingerprints`)).json()) as { fingerprints: { kind: string; fingerprint: string }[] };
  const merged = fingerprints.find((f) => f.kind === "merged")!.fingerprint;
  expect((await page.request.post(`/api/v1/errors/${a}/unmerge`, { data: { fingerprints: [merged] } })).status()).toBe(200);

  // A link copied while the two were merged.
  await page.goto(`/errors/${a}?event=ui-moved-b`);
  const notHere = page.getByTestId("event-not-in-issue");
  await expect(notHere).toContainText("is not in this issue any more");
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await notHere.getByRole("link", { name: "Open it in the issue that holds it" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${b}\\?event=ui-moved-b$`));
  await expect(page.getByTestId("event-viewer")).toHaveAttribute("data-event-id", "ui-moved-b");

  await page.goto(`/errors/${a}?event=ui-moved-b`);
  await page.getByTestId("event-not-in-issue").getByRole("button", { name: "Latest event" }).click();
  await expect(page).toHaveURL(new RegExp(`/errors/${a}$`));
  await expect(page.getByTestId("event-viewer")).toHaveAttribute("data-event-id", "ui-moved-a");

  // The split-off issue's trail names the issue it was merged into and split from, and links it.
  await page.goto(`/errors/${b}?tab=activity`);
  const trail = page.getByTestId("audit-entry");
  for (const entry of [trail.filter({ hasText: "merged it into another issue" }), trail.filter({ hasText: "opened it with events moved out of another issue" })]) {
    const link = entry.getByTestId("audit-issue-link");
    await expect(link).toHaveText("MovedBug: broke in keep");
    await expect(link).toHaveAttribute("href", `/errors/${a}`);
  }
});

test("an issue whose events are past the project's retention says so calmly; its summary stays", async ({ page, context }) => {
  const t = await createTenant("expired-issue");
  const sent = await postEvents(t.key, { type: "OnlyOldError", message: "its only event expired", userId: "u-expired" });
  const id = (await sent.json()).accepted[0].groupId as string;
  // What the retention job leaves of it: no occurrence, no event id, the stored event counted as expired.
  await query(`DELETE FROM "ErrorOccurrence" WHERE "groupId" = $1`, [id]);
  await query(`DELETE FROM "ErrorEventId" WHERE "groupId" = $1`, [id]);
  await query(`UPDATE "ErrorGroup" SET "expiredCount" = 1 WHERE id = $1`, [id]);
  await signInAs(context, t.viewer);
  await page.goto(`/errors/${id}`);
  // No failure, no "Try again" that could never succeed, and no request for an event that is not there (the console guard).
  await expect(page.getByTestId("event-viewer-expired")).toContainText("This issue's events are past the project's retention (90 days) and were deleted.");
  await expect(page.getByText("Could not load this")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByTestId("issue-header")).toContainText("OnlyOldError");
  await expect(page.getByTestId("issue-events")).toHaveText("1");
});

test("an admin deletes an issue from its page after confirming; a member has no such action", async ({ page, context, consoleGuard }) => {
  // The page may ask once more for the issue while it leaves: the browser logs that 404.
  consoleGuard.allow(/status of 404 .*\/api\/v1\/errors\//);
  const t = await createTenant("delete-ui");
  expect((await postEvents(t.key, [{ type: "DoomedUiError", message: "delete me" }, { type: "KeptUiError", message: "keep me" }])).status).toBe(202);
  const id = await groupOfType(t, "DoomedUiError");
  await signInAs(context, t.member);
  await page.goto(`/errors/${id}`);
  await expect(page.getByRole("button", { name: "Resolve", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "More issue actions" })).toHaveCount(0);
  await context.clearCookies();

  await signInAs(context, t.admin);
  await page.goto(`/errors/${id}`);
  await page.getByRole("button", { name: "More issue actions" }).click();
  await page.getByRole("menuitem", { name: /Delete issue/ }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this issue?" });
  await expect(dialog).toContainText("This cannot be undone");
  // Cancel leaves it as it was.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await page.request.get(`/api/v1/errors/${id}`)).status()).toBe(200);

  await page.getByRole("button", { name: "More issue actions" }).click();
  await page.getByRole("menuitem", { name: /Delete issue/ }).click();
  await screenshotBothWidths(page, "issue-delete-confirm");
  await page.getByRole("dialog", { name: "Delete this issue?" }).getByRole("button", { name: "Delete issue" }).click();
  await page.waitForURL((url) => url.pathname === "/errors");
  await expect(page.getByText("KeptUiError").first()).toBeVisible();
  await expect(page.getByText("DoomedUiError")).toHaveCount(0);
  expect((await page.request.get(`/api/v1/errors/${id}`)).status()).toBe(404);
});
