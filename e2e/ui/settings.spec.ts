import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, createTestUser, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { expect, screenshotBothWidths, signInAs, test } from "@/e2e/ui/fixtures";

let t: Tenant;

test.beforeAll(async () => {
  t = await createTenant("keys");
});

test("create a key, use it, show its DSN again, revoke it", async ({ page, context }) => {
  await signInAs(context, t.admin);
  await page.goto("/");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();
  await expect(page.getByTestId("key-row")).toHaveCount(1);
  await expect(page.getByTestId("ingest-url")).toHaveText(/\/api\/v1\/events$/);
  await screenshotBothWidths(page, "settings");

  await page.getByLabel("New key name").fill("e2e backend");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^[0-9a-f]{32}$/);
  const reveal = page.getByRole("region", { name: "New ingest key" });
  await expect(reveal.getByTestId("curl-example")).toContainText(`x-faultline-key: ${key}`);
  await expect(reveal.getByTestId("dsn")).toHaveText(new RegExp(`^http://${key}@127\\.0\\.0\\.1:\\d+/${t.projectPublicId}$`));
  await screenshotBothWidths(page, "settings-new-key");

  // The key works for ingest.
  expect((await postEvents(key, { type: "KeyCheck", message: "sent with the new key" })).status).toBe(202);

  // Once dismissed (or after a reload) only the prefix is shown, until an admin asks for the key again.
  await reveal.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("key-row")).toHaveCount(2);
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByTestId("key-row").filter({ hasText: "e2e backend" });
  await expect(row).toContainText(key.slice(0, 8));
  const listed = await page.request.get(`/api/v1/projects/${t.projectId}/keys`);
  expect(JSON.stringify(await listed.json())).not.toContain(key);

  // Show: the real key and its DSN again, each with a copy button; "Sending errors" fills it in.
  await row.getByRole("button", { name: "Show key e2e backend" }).click();
  const shown = row.getByRole("region", { name: "Key e2e backend" });
  await expect(shown.getByTestId("revealed-key")).toHaveText(key);
  await expect(shown.getByTestId("revealed-dsn")).toHaveText(new RegExp(`^http://${key}@127\\.0\\.0\\.1:\\d+/${t.projectPublicId}$`));
  await expect(shown.getByRole("button", { name: "Copy" })).toHaveCount(2);
  await screenshotBothWidths(page, "settings-key-shown");
  await row.getByRole("button", { name: "Hide key e2e backend" }).click();
  await expect(shown).toHaveCount(0);
  await page.getByLabel("Fill in a key").selectOption({ label: `e2e backend (${key.slice(0, 8)}…)` });
  await expect(page.getByRole("region", { name: "Sending errors" }).getByTestId("curl-example")).toContainText(`x-faultline-key: ${key}`);

  await row.getByRole("button", { name: "Revoke key e2e backend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("revoked");
  await expect(page.getByTestId("toast")).toContainText("revoked");
  expect((await postEvents(key, { type: "KeyCheck", message: "after revocation" })).status).toBe(401);
});

test("a user in no workspace is offered to create one (there is no switcher to do it from), lands in it, and keeps their account page meanwhile", async ({ page, context }) => {
  const loner = await createTestUser(`loner-${t.workspaceId.slice(-8)}@test.local`, "Lone Ranger");
  await signInAs(context, loner);
  await page.goto("/");
  await expect(page.getByText("You are not a member of any workspace yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create a workspace" })).toBeVisible();
  // Their account needs no workspace: its cards are there.
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "API tokens" })).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByText("from the switcher")).toHaveCount(0);
  await page.getByRole("button", { name: "Create a workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "New workspace" });
  await dialog.getByLabel("Workspace name").fill("Lone workspace");
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(dialog).toHaveCount(0);
  const me = (await (await page.request.get("/api/v1/me")).json()) as { workspaces: { id: string; name: string; role: string }[] };
  expect(me.workspaces.map((w) => [w.name, w.role])).toEqual([["Lone workspace", "admin"]]);
  await expect(page).toHaveURL(new RegExp(`/settings\\?ws=${me.workspaces[0].id}$`));
  await expect(page.getByRole("button", { name: "Workspace: Lone workspace. Switch workspace" })).toBeVisible();
  await expect(page.getByText("This workspace has no projects yet")).toBeVisible();
});

test("a member sees the ingest URL but not the keys", async ({ page, context }) => {
  await signInAs(context, t.member);
  await page.goto("/settings");
  await expect(page.getByTestId("curl-example")).toContainText("<your-ingest-key>");
  await expect(page.getByText("Only workspace admins can see and manage ingest keys.")).toBeVisible();
  expect((await page.request.get(`/api/v1/projects/${t.projectId}/keys`)).status()).toBe(403);
  expect((await page.request.get(`/api/v1/projects/${t.projectId}`)).status()).toBe(200);

  // Source maps: sentry-cli's settings with this workspace's and project's slugs; a map sent by debug ID alone is listed as such.
  const [{ org, project }] = await query<{ org: string; project: string }>(`SELECT w.slug AS org, p.slug AS project FROM "Project" p JOIN "Workspace" w ON w.id = p."workspaceId" WHERE p.id = $1::uuid`, [t.projectId]);
  await query(
    `INSERT INTO "SourceMap" (id, "projectId", release, url, "debugId", content, size, "sourceCount") VALUES (gen_random_uuid(), $1::uuid, NULL, '~/static/js/main.js', 'ab6f78a0-9db3-5a81-8542-e9b40a293639', '\\x00', 1234, 2)`,
    [t.projectId],
  );
  // A ProGuard mapping is listed with its UUID and class count; the upload command names the slugs too.
  await query(`INSERT INTO "ProguardMapping" (id, "projectId", uuid, content, size, "classCount") VALUES (gen_random_uuid(), $1::uuid, 'adad88a6-93b9-5fb0-8033-608fed994048', '\\x00', 2560, 3)`, [t.projectId]);
  // A Breakpad symbol file is listed with its debug ID, binary, platform and function count.
  await query(
    `INSERT INTO "NativeSymbolFile" (id, "projectId", "debugId", name, os, arch, content, size, "functionCount") VALUES (gen_random_uuid(), $1::uuid, '3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3', 'harbor', 'Linux', 'x86_64', '\\x00', 4096, 12)`,
    [t.projectId],
  );
  await page.reload();
  await expect(page.getByTestId("native-symbols-row")).toContainText("3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3");
  await expect(page.getByTestId("native-symbols-row")).toContainText("harbor · Linux x86_64 · 12 functions · 4 KB");
  await expect(page.getByTestId("native-symbols-command")).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=${project}`);
  await expect(page.getByTestId("sentry-cli-upload-command")).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=${project}`);
  await expect(page.getByTestId("sourcemap-row")).toContainText("any release · debug ID ab6f78a0");
  await expect(page.getByTestId("proguard-upload-command")).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=${project}`);
  await expect(page.getByTestId("proguard-row")).toContainText("adad88a6-93b9-5fb0-8033-608fed994048");
  await expect(page.getByTestId("proguard-row")).toContainText("3 classes · 2.5 KB");
  await expect(page.getByText("No source bundles uploaded yet.")).toBeVisible();
});

test("renaming a project keeps the slug sentry-cli is set up with; the slug field changes it", async ({ page, context }) => {
  const s = await createTenant("slug-ui");
  await signInAs(context, s.admin);
  const [{ org, project }] = await query<{ org: string; project: string }>(`SELECT w.slug AS org, p.slug AS project FROM "Project" p JOIN "Workspace" w ON w.id = p."workspaceId" WHERE p.id = $1::uuid`, [s.projectId]);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Project details" });
  const command = page.getByTestId("sentry-cli-upload-command");
  await expect(form.getByLabel("Slug")).toHaveValue(project);
  await expect(command).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=${project}`);

  await form.getByLabel("Name", { exact: true }).fill("Renamed storefront");
  await form.getByRole("button", { name: "Save project" }).click();
  await expect(page.getByText("Project saved")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Renamed storefront");
  await expect(form.getByLabel("Slug")).toHaveValue(project);
  await expect(command).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=${project}`);
  await expect(page.getByTestId("proguard-upload-command")).toContainText(`SENTRY_PROJECT=${project}`);

  await form.getByLabel("Slug").fill("storefront");
  await form.getByRole("button", { name: "Save project" }).click();
  await expect(command).toContainText(`SENTRY_ORG=${org} SENTRY_PROJECT=storefront`);
});

test("sampling settings: spike protection off and a per-issue cap are saved; a capped issue says sampling was active", async ({ page, context }) => {
  const s = await createTenant("sampling-ui");
  await signInAs(context, s.admin);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Project details" });
  await expect(form.getByLabel("Spike protection")).toBeChecked();
  await form.getByLabel("Spike protection").uncheck();
  await form.getByLabel("Events stored per issue").fill("3");
  await form.getByRole("button", { name: "Save project" }).click();
  await expect(page.getByText("Project saved")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Spike protection")).not.toBeChecked();
  await expect(form.getByLabel("Events stored per issue")).toHaveValue("3");

  // Twelve events of one issue (event ids that are not in the 1-in-100 sample): 3 stored, then the request's newest.
  const events = Array.from({ length: 12 }, (_, i) => ({ eventId: `capped-ui-${i}`, type: "CappedError", message: "sync failed", occurredAt: new Date(Date.now() - (12 - i) * 1000).toISOString() }));
  expect((await postEvents(s.key, events)).status).toBe(202);
  await page.goto("/");
  await page.getByTestId("error-row").filter({ hasText: "CappedError" }).click();
  await expect(page.getByTestId("detail-sampling")).toContainText(/Sampling was active: 4 of 12 events stored \(spike protection or the cap of 3 stored events per issue\)/);
});

test("inbound filters: an admin turns filters on, and the card counts what they dropped", async ({ page, context }) => {
  const f = await createTenant("filters-ui");
  await signInAs(context, f.admin);
  await page.goto("/settings");
  // Reached from the links at the top of the long page; alerting lives on its own tab.
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Inbound filters" }).click();
  await expect(page).toHaveURL(/#inbound-filters-title$/);
  await expect(page.getByRole("heading", { name: "Inbound filters" })).toBeInViewport();
  await expect(page.getByRole("region", { name: "Alert rules" })).toHaveCount(0);
  const card = page.getByRole("region", { name: "Inbound filters" });
  await expect(card.getByTestId("filtered-count")).toContainText("Filtered: 0 in the last 24 hours");
  await card.getByLabel(/Web crawlers/).check();
  await card.getByLabel(/Releases/).fill("*-dev\nweb@0.*");
  await card.getByRole("button", { name: "Save filters" }).click();
  await expect(page.getByTestId("toast")).toContainText("Inbound filters saved");

  const res = await postEvents(f.key, { type: "TypeError", message: "from a dev build", release: "web@3.0.0-dev" });
  expect((await res.json()).filtered).toEqual([expect.objectContaining({ reason: "release" })]);
  // The ingest counters are flushed every few seconds: once the API counts the drop, the card shows it.
  await waitFor(async () => {
    const res = await page.request.get(`/api/v1/projects/${f.projectId}/inbound-filters`);
    const { filtered } = await res.json();
    return filtered.last24h === 1 && filtered.byReason.release === 1 ? true : undefined;
  });
  await page.reload();
  await expect(page.getByRole("region", { name: "Inbound filters" }).getByTestId("filtered-count")).toContainText("Filtered: 1 in the last 24 hours, 1 in 30 days (releases 1)");
  const reloaded = page.getByRole("region", { name: "Inbound filters" });
  await expect(reloaded.getByLabel(/Web crawlers/)).toBeChecked();
  await expect(reloaded.getByLabel(/Browser extensions/)).not.toBeChecked();
  await expect(reloaded.getByLabel(/Releases/)).toHaveValue("*-dev\nweb@0.*");
});

test("code mappings: an admin maps the stack's root to the repository, and the issue's frames link to their source", async ({ page, context }) => {
  const s = await createTenant("codemap-ui");
  expect((await postEvents(s.key, { type: "LedgerError", message: "unbalanced ledger", release: "api@9c1d2e3f", stackTrace: "LedgerError: unbalanced ledger\n    at post (/srv/api/src/ledger.ts:88:9)" })).status).toBe(202);
  await signInAs(context, s.admin);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Code mappings" });
  await expect(form).toContainText("No code mappings");
  await form.getByRole("button", { name: "Add mapping" }).click();
  await form.getByLabel("Stack root 1").fill("/srv/api/");
  await form.getByLabel("Repository URL 1").fill("https://gitlab.com/acme/api");
  await form.getByRole("button", { name: "Save code mappings" }).click();
  await expect(page.getByText("Code mappings saved")).toBeVisible();

  await page.goto("/");
  await page.getByTestId("error-row").filter({ hasText: "LedgerError" }).click();
  await page.getByRole("link", { name: "Open issue page" }).click();
  await expect(page.getByRole("link", { name: "Open ledger.ts:88 in the repository" })).toHaveAttribute("href", "https://gitlab.com/acme/api/-/blob/9c1d2e3f/src/ledger.ts#L88");
});

test("link source from a frame: an admin pastes the file's address, the mapping is derived and saved, and the frame and the suspect commit link to the repository", async ({ page, context }) => {
  const s = await createTenant("codemap-frame");
  expect((await postEvents(s.key, { type: "PayoutError", message: "payout refused", release: "api@7a8b9c0d", stackTrace: "PayoutError: payout refused\n    at pay (/srv/api/src/payouts/pay.ts:31:7)" })).status).toBe(202);
  // The deploy step sent the release's commits: the one that changed pay.ts is the suspect.
  // Its author is a member of the workspace (by e-mail): the issue offers to assign them.
  const commits = [{ sha: "7a8b9c0d11", message: "Payouts: refuse zero amounts", author: { name: "Ada Lovelace", email: s.member.email.toUpperCase() }, files: ["services/api/src/payouts/pay.ts"] }];
  expect((await api("PUT", `/api/v1/projects/${s.projectId}/releases/api%407a8b9c0d/commits`, await login(s.admin), { commits })).status).toBe(200);
  await signInAs(context, s.admin);
  await page.goto("/");
  await page.getByTestId("error-row").filter({ hasText: "PayoutError" }).click();
  await page.getByRole("link", { name: "Open issue page" }).click();
  await expect(page.getByTestId("suspect-commit")).toContainText("Payouts: refuse zero amounts");
  await expect(page.getByTestId("suspect-commit")).toContainText("Ada Lovelace");
  await page.getByTestId("suspect-commit").getByRole("button", { name: /^Assign to / }).click();
  await expect(page.getByTestId("suspect-commit")).toContainText("is assigned");
  await expect.poll(async () => (await query<{ assigneeId: string | null }>(`SELECT "assigneeId" FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'PayoutError'`, [s.projectId]))[0]?.assigneeId).toBe(s.member.id);
  await page.getByTestId("frame-link-source").first().click();

  const dialog = page.getByRole("dialog", { name: "Link frames to your repository" });
  await dialog.getByLabel("File address").fill("https://github.com/acme/api/blob/main/services/api/src/payouts/refund.ts");
  await expect(dialog.getByTestId("link-source-problem")).toHaveText("That file is not pay.ts: the file names differ.");
  await expect(dialog.getByRole("button", { name: "Save mapping" })).toBeDisabled();
  await dialog.getByLabel("File address").fill("https://github.com/acme/api/blob/main/services/api/src/payouts/pay.ts#L31");
  // The paths share api/src/payouts/pay.ts: what comes before is the server's root and the repository's.
  await expect(dialog.getByTestId("link-source-preview")).toContainText("Stack root/srv/Source rootservices/");
  await dialog.getByRole("button", { name: "Save mapping" }).click();

  await expect(page.getByText("Code mapping saved")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open pay.ts:31 in the repository" })).toHaveAttribute("href", "https://github.com/acme/api/blob/7a8b9c0d/services/api/src/payouts/pay.ts#L31");
  await expect(page.getByTestId("frame-link-source")).toHaveCount(0);
  // The mapping names the repository: the suspect commit links to it too.
  await expect(page.getByTestId("suspect-commit").getByRole("link", { name: "7a8b9c0" })).toHaveAttribute("href", "https://github.com/acme/api/commit/7a8b9c0d11");
  await page.goto("/settings");
  await expect(page.getByLabel("Stack root 1")).toHaveValue("/srv/");
  await expect(page.getByLabel("Source root 1")).toHaveValue("services/");
});

test("status: a workspace admin sees its own projects' figures and is told the instance-wide ones are the operator's", async ({ page, context }) => {
  expect((await postEvents(t.key, { type: "StatusCheck", message: "counted on the status page" })).status).toBe(202);
  await signInAs(context, t.admin);
  await page.goto(`/settings/status?ws=${t.workspaceId}`);
  await expect(page.getByRole("region", { name: "Ingest per project" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Storage" })).toContainText("By project and table");
  await expect(page.getByTestId("operator-only")).toContainText("visible to the instance operator");
  await expect(page.getByRole("region", { name: "Background jobs" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "This instance" })).toHaveCount(0);
  await expect(page.getByTestId("table-sizes")).toHaveCount(0);

  // The same person made the instance operator: the whole database, the jobs and this instance.
  await query(`UPDATE "User" SET operator = true WHERE id = $1`, [t.admin.id]);
  try {
    await page.reload();
    await expect(page.getByRole("region", { name: "Background jobs" })).toBeVisible();
    await expect(page.getByRole("region", { name: "This instance" })).toBeVisible();
    await expect(page.getByTestId("table-sizes")).toBeVisible();
    await expect(page.getByTestId("operator-only")).toHaveCount(0);
  } finally {
    await query(`UPDATE "User" SET operator = false WHERE id = $1`, [t.admin.id]);
  }
});

test("an admin deletes a workspace by typing its name (members see no way to), and lands on / in their other workspace", async ({ page, context }) => {
  const doomed = await createTenant("doomed-ui");
  const kept = await createWorkspace({ name: `Kept ${doomed.workspaceId.slice(-6)}`, ownerId: doomed.admin.id });
  const [{ name }] = await query<{ name: string }>(`SELECT name FROM "Workspace" WHERE id = $1`, [doomed.workspaceId]);

  await signInAs(context, doomed.member);
  await page.goto(`/settings/workspace?ws=${doomed.workspaceId}`);
  await expect(page.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Danger zone" })).toHaveCount(0);
  await context.clearCookies();

  await signInAs(context, doomed.admin);
  await page.goto(`/settings/workspace?ws=${doomed.workspaceId}`);
  await page.getByRole("region", { name: "Danger zone" }).getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });
  const confirm = dialog.getByRole("button", { name: "Delete workspace" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name.toLowerCase());
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await screenshotBothWidths(page, "settings-delete-workspace");
  await confirm.click();

  await page.waitForURL((url) => url.pathname === "/" && url.search === "");
  await expect(page.getByRole("button", { name: `Workspace: ${kept.name}. Switch workspace` })).toBeVisible();
  await page.getByRole("button", { name: `Workspace: ${kept.name}. Switch workspace` }).click();
  await expect(page.getByRole("option", { name: new RegExp(kept.name) })).toBeVisible();
  await expect(page.getByRole("option", { name: new RegExp(name) })).toHaveCount(0);
  await page.keyboard.press("Escape");
  expect((await postEvents(doomed.key, { type: "AfterDelete", message: "refused" })).status).toBe(401);
  expect((await page.request.get(`/api/v1/workspaces/${doomed.workspaceId}/members`)).status()).toBe(404);
});

test("members: demoting an admin or changing one's own role asks first, naming what it does; Reset link only where it can work", async ({ page, context }) => {
  const u = await createTenant("ui-roles");
  const other = await createTenant("ui-roles-other");
  // The viewer also belongs to a workspace this admin does not administer: no reset link for them.
  await query(`INSERT INTO "Membership" ("userId", "workspaceId", role) VALUES ($1, $2, 'viewer')`, [u.viewer.id, other.workspaceId]);
  await query(`UPDATE "Membership" SET role = 'admin' WHERE "userId" = $1 AND "workspaceId" = $2`, [u.member.id, u.workspaceId]);
  await signInAs(context, u.admin);
  await page.goto(`/settings/workspace?ws=${u.workspaceId}`);
  const row = (user: { email: string }) => page.getByTestId("member-row").filter({ hasText: user.email });
  await expect(row(u.member).getByRole("button", { name: "Reset link" })).toBeVisible();
  await expect(row(u.viewer).getByRole("button", { name: "Reset link" })).toHaveCount(0);
  await expect(row(u.admin).getByRole("button", { name: "Reset link" })).toHaveCount(0);

  // Demoting the other admin: asked, with what it withdraws; cancelled, nothing changes.
  const roleOf = async (userId: string) => (await query<{ role: string }>(`SELECT role::text FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [userId, u.workspaceId]))[0].role;
  await row(u.member).getByRole("combobox").selectOption("member");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("invitations they sent that are still pending are withdrawn");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(u.member).getByRole("combobox")).toHaveValue("admin");
  expect(await roleOf(u.member.id)).toBe("admin");
  await row(u.member).getByRole("combobox").selectOption("member");
  await dialog.getByRole("button", { name: "Make member" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "is now member" })).toBeVisible();
  expect(await roleOf(u.member.id)).toBe("member");

  // One's own role: asked too, saying only another admin can undo it (here there is none: 409 after confirming).
  await row(u.admin).getByRole("combobox").selectOption("member");
  await expect(dialog).toContainText("Only another admin can make you admin again.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await roleOf(u.admin.id)).toBe("admin");
});

test("an admin erases an end user's data from Privacy, after confirming, and sees it done with hashes only; members see no such card", async ({ page, context }) => {
  const u = await createTenant("erase-ui");
  const userId = `erase-ui-${u.workspaceId.slice(-6)}`;
  expect((await postEvents(u.key, [{ type: "TheirError", message: "theirs", userId }, { type: "OtherError", message: "someone else's", userId: "someone-else" }])).status).toBe(202);
  await signInAs(context, u.member);
  await page.goto(`/settings/workspace?ws=${u.workspaceId}`);
  await expect(page.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Privacy: erase an end user" })).toHaveCount(0);
  await context.clearCookies();

  await signInAs(context, u.admin);
  await page.goto(`/settings/workspace?ws=${u.workspaceId}`);
  const privacy = page.getByRole("region", { name: "Privacy: erase an end user" });
  await expect(privacy.getByRole("button", { name: "Erase end user…" })).toBeDisabled();
  await privacy.getByLabel("User id").fill(userId);
  await privacy.getByRole("button", { name: "Erase end user…" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase this end user's data?" });
  await expect(dialog).toContainText(`user id ${userId}`);
  await screenshotBothWidths(page, "settings-erase-end-user");
  await dialog.getByRole("button", { name: "Erase" }).click();
  // Polled until the project-deletion job has run it: done, named by a hash, never by the id.
  await expect(privacy.getByTestId("erasure-status").first()).toHaveText("Done: 1 event erased", { timeout: 60_000 });
  await expect(privacy).not.toContainText(userId);
  await expect(privacy.getByLabel("User id")).toHaveValue("");
  const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "workspaceId" = $1`, [u.workspaceId]);
  expect(n).toBe(1);
});
