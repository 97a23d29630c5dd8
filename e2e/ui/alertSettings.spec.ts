import { createTenant, postEvents, type Tenant } from "@/e2e/support/tenant";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("alert-settings");
});

interface Rule {
  name: string;
  kind: string;
  enabled: boolean;
  threshold: number;
}

test("an admin edits alert rules, adds and deletes a channel, and sees the delivery log", async ({ page, context, consoleGuard }) => {
  await signInAs(context, t.admin);
  const rulesUrl = `/api/v1/workspaces/${t.workspaceId}/alert-rules`;
  const rules = async () => ((await (await page.request.get(rulesUrl)).json()) as { items: Rule[] }).items;

  // A channel pointing at a closed port, and a critical error: the delivery log gets a failing row.
  const seeded = await page.request.post(`/api/v1/workspaces/${t.workspaceId}/channels`, {
    data: { kind: "webhook", name: "Dead receiver", config: { url: "http://127.0.0.1:9/faultline" } },
  });
  expect(seeded.status()).toBe(201);
  expect((await postEvents(t.key, { type: "LedgerDown", message: "ledger unreachable", severity: "critical" })).status).toBe(202);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/workspaces/${t.workspaceId}/deliveries`)).json()) as { total: number }).total, { timeout: 15_000 })
    .toBeGreaterThan(0);

  // The dashboard's alerts panel leads to the workspace's rules and channels.
  await page.goto(`/?ws=${t.workspaceId}`);
  await page.getByRole("region", { name: /Active alerts/ }).getByRole("link", { name: "Rules and channels" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/alerts\\?ws=${t.workspaceId}$`));
  const rulesCard = page.getByRole("region", { name: "Alert rules" });
  await expect(rulesCard.getByTestId("rule-row")).toHaveCount(8);
  await expect(page.getByTestId("delivery-row").first()).toContainText("Dead receiver");

  // Disable "Low errors" (saved at once) and raise the "High errors" threshold (saved with its button).
  // A click, then web-first assertions: the box is controlled by the saved rule.
  await rulesCard.getByLabel("Enabled: Low errors").click();
  await expect(rulesCard.getByLabel("Enabled: Low errors")).not.toBeChecked();
  await expect(rulesCard.getByTestId("rule-row").filter({ hasText: "Low errors" })).toContainText("disabled");
  await expect(rulesCard.getByLabel("Enabled: Low errors")).toBeEnabled(); // saved
  await rulesCard.getByLabel("Threshold: High errors").fill("7");
  await rulesCard.getByRole("button", { name: "Save High errors" }).click();
  await expect(rulesCard.getByTestId("rule-row").filter({ hasText: "High errors" })).toContainText("7 in 5 min");

  await page.reload();
  await expect(rulesCard.getByLabel("Enabled: Low errors")).not.toBeChecked();
  await expect(rulesCard.getByLabel("Threshold: High errors")).toHaveValue("7");
  const saved = await rules();
  expect(saved.find((r) => r.name.startsWith("Low errors"))?.enabled).toBe(false);
  expect(saved.find((r) => r.name.startsWith("High errors"))?.threshold).toBe(7);

  // With a second project, a rule can watch some projects: ticked in its picker, saved as one list.
  const mobile = await page.request.post(`/api/v1/workspaces/${t.workspaceId}/projects`, { data: { name: "Mobile app" } });
  expect(mobile.status()).toBe(201);
  const mobileId = ((await mobile.json()) as { id: string }).id;
  await page.reload();
  const highRow = rulesCard.getByTestId("rule-row").filter({ hasText: "High errors" });
  await rulesCard.getByRole("button", { name: /^Projects: High errors.*: All projects$/ }).click();
  const picker = page.getByRole("form", { name: /^Projects of High errors/ });
  await picker.getByRole("checkbox", { name: "Mobile app" }).check();
  await picker.getByRole("button", { name: "Save" }).click();
  await expect(picker).toHaveCount(0);
  await expect(highRow).toContainText("only Mobile app");
  expect((await rules()).find((r) => r.name.startsWith("High errors"))).toMatchObject({ projectIds: [mobileId] });
  await rulesCard.getByRole("button", { name: /^Projects: High errors.*: Mobile app$/ }).click();
  await picker.getByRole("checkbox", { name: "Mobile app" }).uncheck();
  await expect(picker).toContainText("none ticked: every project");
  await picker.getByRole("button", { name: "Save" }).click();
  await expect(rulesCard.getByRole("button", { name: /^Projects: High errors.*: All projects$/ })).toBeVisible();
  await expect(highRow).not.toContainText("only");
  expect((await rules()).find((r) => r.name.startsWith("High errors"))).toMatchObject({ projectIds: [] });

  // A rule that is not there by default: alerts on user feedback, added with one click.
  await rulesCard.getByRole("button", { name: "Add a user-feedback rule" }).click();
  await expect(rulesCard.getByTestId("rule-row").filter({ hasText: "User feedback" })).toContainText("user feedback");
  await expect(rulesCard.getByRole("button", { name: "Add a user-feedback rule" })).toHaveCount(0);
  expect((await rules()).filter((r) => r.kind === "user_feedback")).toHaveLength(1);

  // A server refusal is shown on the row (the browser logs the 422).
  consoleGuard.allow(/status of 422/);
  await rulesCard.getByLabel("Threshold: Medium errors").fill("0");
  await rulesCard.getByRole("button", { name: "Save Medium errors" }).click();
  await expect(rulesCard.getByRole("alert")).toContainText(/Medium errors.* not saved: invalid threshold/);

  // Create a webhook channel: listed with its URL masked.
  const channels = page.getByRole("region", { name: "Notification channels" });
  const secretUrl = "https://hooks.example.com/services/T000/B000/s3cretTokenXYZ9";
  await channels.getByLabel("Channel type").selectOption("webhook");
  await channels.getByLabel("Channel name").fill("Ops webhook");
  await channels.getByLabel("Webhook URL").fill(secretUrl);
  await channels.getByLabel("low", { exact: true }).uncheck();
  await channels.getByRole("button", { name: "Add channel" }).click();
  const row = channels.getByTestId("channel-row").filter({ hasText: "Ops webhook" });
  await expect(row.getByTestId("channel-target")).toHaveText("https://hooks.example.com/••••XYZ9");
  await expect(row).not.toContainText("s3cretToken");
  await expect(row).toContainText("HIGH");
  await expect(row).not.toContainText("LOW");
  // Its generated signing secret is shown once, in full.
  await expect(channels.getByTestId("signing-secret")).toContainText(/whsec_[A-Za-z0-9_-]{32}/);
  await screenshotBothWidths(page, "settings-alerts");

  // "Send test": the receiver is unreachable from here, so the toast reports the failure.
  await row.getByRole("button", { name: "Send test notification to Ops webhook" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Test notification" })).toContainText(/Test notification to “Ops webhook” failed/, { timeout: 20_000 });

  // Delete it, after the app's confirmation dialog: Cancel keeps it, the red button deletes it.
  await row.getByRole("button", { name: "Delete channel Ops webhook" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete channel “Ops webhook”?" });
  await expect(confirm).toContainText("It stops receiving alerts.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Delete channel Ops webhook" }).click();
  await confirm.getByRole("button", { name: "Delete channel" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: "deleted" })).toHaveCount(1);
  await page.reload();
  await expect(channels.getByTestId("channel-row")).toHaveCount(1);

  // A "Faultline members" channel names people instead of an address; its test lands in their inbox.
  await channels.getByLabel("Channel type").selectOption("members");
  await channels.getByLabel("Channel name").fill("On-call people");
  await expect(channels.getByLabel("The issue's assignee (the person, or every member of the team)")).toBeChecked();
  await channels.getByRole("checkbox", { name: t.member.email }).check();
  await channels.getByRole("button", { name: "Add channel" }).click();
  const people = channels.getByTestId("channel-row").filter({ hasText: "On-call people" });
  await expect(people.getByTestId("channel-target")).toHaveText(/^the issue's assignee, member alert-settings-[0-9a-f]+$/);
  await people.getByRole("button", { name: "Send test notification to On-call people" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Test notification" })).toContainText("Test notification sent to “On-call people”");

  // Edited in place: paused, critical alerts only, and only once they escalate.
  await people.getByRole("button", { name: "Edit channel On-call people" }).click();
  const editing = channels.getByRole("form", { name: "Edit channel On-call people" });
  await editing.getByLabel("Enabled").uncheck();
  await editing.getByLabel("high", { exact: true }).uncheck();
  await editing.getByLabel("when it fires").uncheck();
  await editing.getByRole("button", { name: "Save channel" }).click();
  await expect(editing).toHaveCount(0);
  await expect(people).toContainText("disabled");
  await expect(people).not.toContainText("HIGH");
  await expect(people.getByTestId("channel-stages")).toHaveText("only escalated, final escalation");
  await expect(people.getByTestId("channel-target")).toHaveText(/^the issue's assignee, member alert-settings-[0-9a-f]+$/);
});

test("a member sees rules and channels read-only", async ({ page, context }) => {
  await signInAs(context, t.member);
  await page.goto("/settings/alerts");
  const rulesCard = page.getByRole("region", { name: "Alert rules" });
  await expect(rulesCard.getByText("Only workspace admins can change alert rules.")).toBeVisible();
  await expect(rulesCard.getByLabel("Enabled: Critical error")).toBeDisabled();
  await expect(rulesCard.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add channel" })).toHaveCount(0);
});

test("a built-in rule's name follows its edited threshold and window until the admin names it", async ({ page, context }) => {
  const r = await createTenant("rule-names-ui");
  await signInAs(context, r.admin);
  await page.goto(`/settings/alerts?ws=${r.workspaceId}`);
  const rulesCard = page.getByRole("region", { name: "Alert rules" });
  const highRow = rulesCard.getByTestId("rule-row").filter({ has: page.getByLabel("Threshold: High errors", { exact: true }) });
  await expect(highRow).toContainText("High errors: 5 in 5 min");

  // The controls are labelled by what the rule watches, not by its name (which states the old numbers while editing).
  const name = rulesCard.getByLabel("Name: High errors", { exact: true });
  await expect(name).toHaveValue("High errors: 5 in 5 min");
  await rulesCard.getByLabel("Threshold: High errors", { exact: true }).fill("10");
  await rulesCard.getByLabel("Window in seconds: High errors", { exact: true }).fill("600");
  await expect(name).toHaveValue("High errors: 10 in 10 min");
  await rulesCard.getByRole("button", { name: "Save High errors", exact: true }).click();
  await expect(highRow.getByText("High errors: 10 in 10 min", { exact: true })).toBeVisible();
  await expect(highRow).not.toContainText("5 in 5 min");
  const saved = async () => ((await (await page.request.get(`/api/v1/workspaces/${r.workspaceId}/alert-rules`)).json()) as { items: { defaultKey: string | null; name: string; threshold: number }[] }).items.find((x) => x.defaultKey === "severity-high")!;
  expect(await saved()).toMatchObject({ name: "High errors: 10 in 10 min", threshold: 10 });

  // Named by the admin, it keeps that name through later edits.
  await name.fill("Pager: backend errors");
  await rulesCard.getByRole("button", { name: "Save High errors", exact: true }).click();
  await expect(highRow.getByText("Pager: backend errors", { exact: true })).toBeVisible();
  await rulesCard.getByLabel("Threshold: High errors", { exact: true }).fill("12");
  await expect(name).toHaveValue("Pager: backend errors");
  await rulesCard.getByRole("button", { name: "Save High errors", exact: true }).click();
  await expect(highRow).toContainText("12 in 10 min");
  expect(await saved()).toMatchObject({ name: "Pager: backend errors", threshold: 12 });

  // A rule without a threshold can be named too.
  await rulesCard.getByLabel("Name: New issue", { exact: true }).fill("New issue in the shop");
  await rulesCard.getByRole("button", { name: "Save New issue", exact: true }).click();
  await expect(rulesCard.getByTestId("rule-row").getByText("New issue in the shop", { exact: true })).toBeVisible();
});
