import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { BASE_URL, login, postEvents } from "@/e2e/support/tenant";
import { enableTwoFactorOverHttp } from "@/e2e/support/twoFactor";
import { waitFor } from "@/e2e/support/waitFor";
import { query } from "@/e2e/support/dbCounts";
import { cloneEmptyDatabase } from "@/e2e/support/freshInstance";
import { runToEnd } from "@/e2e/support/childProcess";
import { addDays, partitionName, utcDay } from "@/lib/db/partitions/partitionDays";
import { PLATFORMS } from "@/lib/projects/projectSchemas";

const root = path.resolve(import.meta.dirname, "..", "..");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

/** Runs `npm run faultline -- …` as an operator would (node scripts/runCli.mjs), against the test database. */
async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const merged: Record<string, string | undefined> = { ...process.env, PUBLIC_URL: BASE_URL, ...env };
  for (const name of Object.keys(merged)) if (merged[name] === undefined) delete merged[name];
  const run = await runToEnd(process.execPath, ["scripts/runCli.mjs", ...args], {
    cwd: root,
    env: merged as NodeJS.ProcessEnv,
    timeoutMs: 120_000,
  });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(run.stdout);
  } catch {
    // not --json
  }
  return { code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr, json };
}

const tag = () => randomBytes(4).toString("hex");

// Every command is a process of its own (the bundled CLI, the Prisma client, a database connection,
// scrypt for passwords): about a second each on a quiet machine, far more on a busy one.
describe("admin CLI (npm run faultline)", { timeout: 300_000 }, () => {
  it("user:create with a generated password → that user signs in over HTTP", async () => {
    const email = `ops-${tag()}@test.local`;
    const run = await cli(["user:create", "--email", email, "--name", "Ops Person", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json.email).toBe(email);
    expect(typeof run.json.password).toBe("string");
    expect(await login({ id: String(run.json.id), email, password: String(run.json.password) })).toMatch(/^faultline_session=/);

    const again = await cli(["user:create", "--email", email, "--name", "Twin"]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("already exists");
  });

  it("workspace, project (DSN + key that ingests), member, key create (kept sealed: revealable) and revoke — audited", async () => {
    const ownerEmail = `owner-${tag()}@test.local`;
    const owner = await cli(["user:create", "--email", ownerEmail, "--name", "Owner", "--password", "owner password 1", "--json"]);
    expect(owner.code).toBe(0);
    const ws = await cli(["workspace:create", "--name", "Ops team", "--owner", ownerEmail, "--json"]);
    expect(ws.code).toBe(0);
    const project = await cli(["project:create", "--workspace", String(ws.json.slug), "--name", "Billing", "--platform", "python", "--json"]);
    expect(project.code).toBe(0);
    expect(String(project.json.dsn)).toBe(`${BASE_URL.replace("://", `://${project.json.ingestKey}@`)}/${project.json.publicId}`);
    expect((await postEvents(String(project.json.ingestKey), { type: "CliError" })).status).toBe(202);
    expect(project.json.slug).toBe("billing");
    const twin = await cli(["project:create", "--workspace", String(ws.json.slug), "--name", "billing"]);
    expect(twin.code).toBe(4);
    expect(twin.stderr).toContain('already has a project named "billing"');

    const memberEmail = `member-${tag()}@test.local`;
    expect((await cli(["user:create", "--email", memberEmail, "--name", "M", "--password", "member password", "--workspace", String(ws.json.id), "--role", "viewer"])).code).toBe(0);
    const promoted = await cli(["member:add", "--workspace", String(ws.json.id), "--email", memberEmail, "--role", "member", "--json"]);
    expect(promoted.json).toMatchObject({ role: "member", previousRole: "viewer" });
    const demoteLast = await cli(["member:add", "--workspace", String(ws.json.id), "--email", ownerEmail, "--role", "viewer"]);
    expect(demoteLast.code).toBe(4);
    // A demoted admin's pending invitations are withdrawn, as when an admin demotes them in the app.
    expect((await cli(["member:add", "--workspace", String(ws.json.id), "--email", memberEmail, "--role", "admin"])).code).toBe(0);
    const memberCookie = await login({ id: "", email: memberEmail, password: "member password" });
    expect((await api("POST", `/api/v1/workspaces/${ws.json.id}/invitations`, memberCookie, { email: `invitee-${tag()}@test.local`, role: "member" })).status).toBe(201);
    const ownerCookie = await login({ id: "", email: ownerEmail, password: "owner password 1" });
    const pending = async () => ((await api("GET", `/api/v1/workspaces/${ws.json.id}/invitations`, ownerCookie)).body.items as unknown[]).length;
    expect(await pending()).toBe(1);
    const demoted = await cli(["member:add", "--workspace", String(ws.json.id), "--email", memberEmail, "--role", "member", "--json"]);
    expect(demoted.json).toMatchObject({ role: "member", previousRole: "admin" });
    expect(await pending()).toBe(0);

    const key = await cli(["key:create", "--project", String(project.json.publicId), "--name", "worker", "--json"]);
    expect(key.code).toBe(0);
    expect((await postEvents(String(key.json.key), { type: "CliError" })).status).toBe(202);
    // Sealed with FAULTLINE_SECRET_KEY as the dashboard's keys are: the owner copies both again.
    const cookie = await login({ id: "", email: ownerEmail, password: "owner password 1" });
    const reveal = (keyId: unknown) => api("GET", `/api/v1/projects/${project.json.id}/keys/${keyId}/dsn`, cookie);
    expect((await reveal(project.json.ingestKeyId)).body).toMatchObject({ key: project.json.ingestKey, dsn: project.json.dsn });
    expect((await reveal(key.json.id)).body).toMatchObject({ key: key.json.key, dsn: key.json.dsn });
    const revoked = await cli(["key:revoke", "--project", String(project.json.id), "--key", String(key.json.keyPrefix)]);
    expect(revoked.code).toBe(0);
    // Another process revoked it: an app instance's key cache may accept it for a few seconds more.
    await waitFor(async () => ((await postEvents(String(key.json.key), { type: "CliError" })).status === 401 ? true : undefined));
    expect((await reveal(key.json.id)).status).toBe(410);

    const audit = (await api("GET", `/api/v1/workspaces/${ws.json.id}/audit`, cookie)).body.items as { action: string; actorType: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["workspace.created", "project.created", "member.added", "member.role_changed", "ingest_key.created", "ingest_key.revoked"]));
    // Everything but the owner's reveals and the member's invitation was the CLI.
    const byPeople = new Set(["ingest_key.revealed", "invitation.created"]);
    expect(audit.filter((a) => a.action === "ingest_key.revealed").map((a) => a.actorType)).toEqual(["user", "user"]);
    expect(audit.filter((a) => !byPeople.has(a.action)).map((a) => [a.action, a.actorType]).filter(([, actor]) => actor !== "cli")).toEqual([]);
  });

  it("workspace:delete <slug> --confirm <name>: a wrong name is exit 2; the right one deletes the workspace with its projects and rows, and its key stops ingesting", async () => {
    const ownerEmail = `scratch-${tag()}@test.local`;
    expect((await cli(["user:create", "--email", ownerEmail, "--name", "Scratch owner", "--password", "scratch password 1"])).code).toBe(0);
    const name = `Scratch ${tag()}`;
    const ws = await cli(["workspace:create", "--name", name, "--owner", ownerEmail, "--json"]);
    const project = await cli(["project:create", "--workspace", String(ws.json.slug), "--name", "Scratch app", "--json"]);
    expect(project.code).toBe(0);
    expect((await postEvents(String(project.json.ingestKey), { type: "ScratchError", message: "before" })).status).toBe(202);

    const wrong = await cli(["workspace:delete", String(ws.json.slug), "--confirm", name.toLowerCase()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--confirm: does not match the workspace's name");
    expect(await query(`SELECT 1 FROM "Workspace" WHERE id = $1 AND "deletingAt" IS NULL`, [ws.json.id])).toHaveLength(1);

    const run = await cli(["workspace:delete", String(ws.json.slug), "--confirm", name, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ id: ws.json.id, slug: ws.json.slug, name });
    // Gone when the command returns: the workspace, its project and its issues.
    expect(await query(`SELECT 1 FROM "Workspace" WHERE id = $1`, [ws.json.id])).toEqual([]);
    expect(await query(`SELECT 1 FROM "Project" WHERE id = $1`, [project.json.id])).toEqual([]);
    expect(await query(`SELECT 1 FROM "ErrorGroup" WHERE "workspaceId" = $1`, [ws.json.id])).toEqual([]);
    // Another process deleted it: an app instance's key cache may accept the key for a few seconds more.
    await waitFor(async () => ((await postEvents(String(project.json.ingestKey), { type: "ScratchError", message: "after" })).status === 401 ? true : undefined));
    const cookie = await login({ id: "", email: ownerEmail, password: "scratch password 1" });
    expect((await api("GET", "/api/v1/me", cookie)).body.workspaces).toEqual([]);
    expect((await cli(["workspace:delete", String(ws.json.slug), "--confirm", name])).code).toBe(3);
  });

  it("user:reset-password prints a one-time link that sets a new password, recorded in each of the user's workspaces", async () => {
    const adminEmail = `reset-admin-${tag()}@test.local`;
    expect((await cli(["user:create", "--email", adminEmail, "--name", "Admin", "--password", "admin password"])).code).toBe(0);
    const ws = await cli(["workspace:create", "--name", `Resets ${tag()}`, "--owner", adminEmail, "--json"]);
    const email = `forgot-${tag()}@test.local`;
    const created = await cli(["user:create", "--email", email, "--name", "Forgetful", "--password", "first password", "--workspace", String(ws.json.id), "--role", "viewer", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const run = await cli(["user:reset-password", "--email", email]);
    expect(run.code).toBe(0);
    const url = run.stdout.match(/(http\S+\/reset-password\/\S+)/)![1];
    const token = url.split("/").pop();
    expect((await api("POST", `/api/v1/password-resets/${token}`, null, { password: "second password" })).status).toBe(200);
    expect(await login({ id: "", email, password: "second password" })).toMatch(/^faultline_session=/);
    const admin = await login({ id: "", email: adminEmail, password: "admin password" });
    const audit = (await api("GET", `/api/v1/workspaces/${ws.json.id}/audit`, admin)).body.items as { action: string; actorType: string; targetId: string }[];
    expect(audit.filter((a) => a.action === "user.password_reset_link_created").map((a) => [a.actorType, a.targetId])).toEqual([["cli", created.json.id]]);
  });

  it("user:reset-two-factor lets a user who lost their authenticator sign in with the password again", async () => {
    const email = `phoneless-${tag()}@test.local`;
    await cli(["user:create", "--email", email, "--name", "Phoneless", "--password", "their password"]);
    const user = { id: "", email, password: "their password" };
    await enableTwoFactorOverHttp(await login(user), user.password);
    const asked = await fetch(`${BASE_URL}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: user.password }) });
    expect(await asked.json()).toMatchObject({ twoFactorRequired: true });
    const run = await cli(["user:reset-two-factor", "--email", email]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Two-factor sign-in is off for ${email}`);
    expect(await login(user)).toMatch(/^faultline_session=/);
    expect((await cli(["user:reset-two-factor", "--email", email])).stdout).toContain("nothing changed");
  });

  it("user:grant-operator / user:revoke-operator give and take the instance-wide status figures", async () => {
    const email = `operator-${tag()}@test.local`;
    const created = await cli(["user:create", "--email", email, "--name", "Operator", "--password", "operator password"]);
    expect(created.code, created.stderr).toBe(0);
    const ws = await cli(["workspace:create", "--name", `Operated ${tag()}`, "--owner", email, "--json"]);
    const cookie = await login({ id: "", email, password: "operator password" });
    const status = async () => (await api("GET", `/api/v1/workspaces/${ws.json.id}/ingest-health`, cookie)).body as { database: unknown; instance: unknown };
    const me = async () => (await api("GET", "/api/v1/me", cookie)).body.user.operator;
    // A workspace admin, not the operator: their own projects only.
    expect(await me()).toBe(false);
    expect(await status()).toMatchObject({ database: null, instance: null });

    const granted = await cli(["user:grant-operator", "--email", email, "--json"]);
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.json).toMatchObject({ email, operator: true, changed: true });
    // Read on every request, like roles: the same session sees it at once.
    expect(await me()).toBe(true);
    expect((await status()).database).not.toBeNull();
    expect((await status()).instance).not.toBeNull();
    expect((await cli(["user:grant-operator", "--email", email])).stdout).toContain("already an instance operator");

    const revoked = await cli(["user:revoke-operator", "--email", email]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`${email} is no longer an instance operator`);
    expect(await me()).toBe(false);
    expect(await status()).toMatchObject({ database: null, instance: null });
    const audit = (await api("GET", `/api/v1/workspaces/${ws.json.id}/audit`, cookie)).body.items as { action: string; actorType: string }[];
    expect(audit.filter((a) => a.action.startsWith("user.operator_")).map((a) => [a.action, a.actorType])).toEqual([
      ["user.operator_revoked", "cli"],
      ["user.operator_granted", "cli"],
    ]);
    expect((await cli(["user:revoke-operator", "--email", `nobody-${tag()}@test.local`])).code).toBe(3);
  });

  it("clear errors and exit codes: usage 2, not found 3, database unreachable 1", async () => {
    const unknown = await cli(["user:delete"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "user:delete"/);
    const missing = await cli(["project:create", "--name", "X"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--workspace");
    const badEmail = await cli(["user:create", "--email", "not-an-email", "--name", "X"]);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("--email");
    const noWorkspace = await cli(["project:create", "--workspace", "no-such-workspace", "--name", "X"]);
    expect(noWorkspace.code).toBe(3);
    expect(noWorkspace.stderr).toContain("no-such-workspace");
    const down = await cli(["workspace:create", "--name", "X"], { DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:1/none" });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot connect to the database/);
    expect(down.stderr).not.toContain("postgres:postgres");
    const help = await cli(["help"]);
    expect(help.code).toBe(0);
    // Every platform project:create takes, from the same list.
    expect(help.stdout).toContain(PLATFORMS.join(" | "));
    for (const c of ["user:create", "user:reset-password", "user:reset-two-factor", "user:grant-operator", "user:revoke-operator", "workspace:create", "project:create", "project:retention", "member:add", "key:create", "key:revoke", "retention:run"]) {
      expect(help.stdout).toContain(c);
    }
  });

  it("project:retention shows and sets a project's retention; retention:run runs the job once and prints what it dropped", async () => {
    const owner = `retention-${tag()}@test.local`;
    expect((await cli(["user:create", "--email", owner, "--name", "Owner", "--password", "owner password 1"])).code).toBe(0);
    const ws = await cli(["workspace:create", "--name", `Retention ${tag()}`, "--owner", owner, "--json"]);
    const project = await cli(["project:create", "--workspace", String(ws.json.slug), "--name", "Logs", "--json"]);
    const shown = await cli(["project:retention", "--project", String(project.json.publicId)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("keeps its events for 90 days");
    const set = await cli(["project:retention", "--project", String(project.json.id), "--days", "30", "--json"]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json).toMatchObject({ retentionDays: 30, previousRetentionDays: 90 });
    // The settings API sees it.
    const cookie = await login({ id: "", email: owner, password: "owner password 1" });
    expect((await api("GET", `/api/v1/projects/${project.json.id}`, cookie)).body.retentionDays).toBe(30);
    const bad = await cli(["project:retention", "--project", String(project.json.id), "--days", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--days");
    // A project being deleted (hidden, its keys revoked, its rows on their way out) is not found.
    await query(`UPDATE "Project" SET "deletingAt" = now() WHERE id = $1`, [project.json.id]);
    for (const args of [["project:retention", "--project", String(project.json.publicId)], ["key:create", "--project", String(project.json.id), "--name", "late"]]) {
      const gone = await cli(args);
      expect(gone.code, gone.stderr).toBe(3);
      expect(gone.stderr).toContain("no project with id or DSN project id");
    }

    // The job itself runs on a database of its own (cloned from the empty migrated template): on the
    // shared one it would delete other files' old rows while they run. A planted day partition a
    // year old is dropped.
    const db = await cloneEmptyDatabase();
    try {
      const old = addDays(utcDay(new Date()), -365);
      await db.exec(`CREATE TABLE "${partitionName(old)}" PARTITION OF "ErrorOccurrence" FOR VALUES FROM ('${old} 00:00:00+00') TO ('${addDays(old, 1)} 00:00:00+00')`);
      const owner2 = await cli(["user:create", "--email", "o@test.local", "--name", "O", "--password", "owner password 1"], { DATABASE_URL: db.url });
      expect(owner2.code, owner2.stderr).toBe(0);
      const w = await cli(["workspace:create", "--name", "W", "--owner", "o@test.local", "--json"], { DATABASE_URL: db.url });
      expect((await cli(["project:create", "--workspace", String(w.json.slug), "--name", "P"], { DATABASE_URL: db.url })).code).toBe(0);
      const run = await cli(["retention:run", "--json"], { DATABASE_URL: db.url });
      expect(run.code, run.stderr).toBe(0);
      expect(run.json.droppedPartitions).toEqual([partitionName(old)]);
      const text = await cli(["retention:run"], { DATABASE_URL: db.url });
      expect(text.stdout).toContain("Dropped partitions: none");
    } finally {
      await db.drop();
    }
  });

  it("without DATABASE_URL it starts the embedded database when it is not running (and stops it after)", async () => {
    // Inside the project like .faultline/pgdata (the embedded server's own OS user must reach it).
    const dataDir = fs.mkdtempSync(path.join(root, ".faultline", "cli-test-"));
    fs.chmodSync(dataDir, 0o755);
    const port = await freePort();
    const env = { DATABASE_URL: undefined, FAULTLINE_DATA_DIR: path.join(dataDir, "pgdata"), FAULTLINE_PG_PORT: String(port) };
    try {
      const first = await cli(["user:create", "--email", "embedded@test.local", "--name", "Embedded", "--json"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain("Starting the embedded PostgreSQL");
      expect(await portOpen(port)).toBe(false); // stopped again
      // The data stayed: the same email is now a conflict.
      const second = await cli(["user:create", "--email", "embedded@test.local", "--name", "Again"], env);
      expect(second.code).toBe(4);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
