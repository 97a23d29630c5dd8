import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { runSentryCli, sentryCliTarget } from "@/e2e/support/sentryCliRunner";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

// sentry-cli itself (the npm package's Linux binary), as a bundler plugin or a deploy step runs it:
// `sourcemaps inject` writes debug IDs into the build, `sourcemaps upload` sends an artifact bundle;
// `releases new / set-commits --local / finalize` declare a release and its commits.
const FIXTURES = path.join(process.cwd(), "lib/sourcemaps/__fixtures__");
const ORIGINAL_LINE = fs.readFileSync(path.join(FIXTURES, "main.min.js.txt"), "utf8").split("\n")[0];
const HOST = "https://shop.example";

/** An esbuild build (lib/sourcemaps/__fixtures__) in a fresh folder: static/js/main.js and its map. */
function build(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-sentry-cli-"));
  fs.mkdirSync(path.join(dir, "static/js"), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, "main.min.js.txt"), path.join(dir, "static/js/main.js"));
  fs.copyFileSync(path.join(FIXTURES, "main.min.js.map"), path.join(dir, "static/js/main.js.map"));
  return dir;
}

describe("sentry-cli against Faultline", () => {
  let t: Tenant;
  let member: string;
  let token: string;
  let org: string;
  let project: string;

  const sentryCli = (args: string[], authToken = token, cwd?: string) => runSentryCli({ token: authToken, org, project }, args, cwd);

  /** A browser SDK's event thrown by the build's code (frames innermost last), its minified line found in the file as deployed. */
  async function sendEvent(dir: string, extra: Record<string, unknown>) {
    const deployed = fs.readFileSync(path.join(dir, "static/js/main.js"), "utf8").split("\n");
    const lineno = deployed.indexOf(ORIGINAL_LINE) + 1;
    expect(lineno).toBeGreaterThan(0);
    const file = `${HOST}/static/js/main.js`;
    const frames = [
      ["a", 219],
      ["n.checkout", 143],
      ["o", 30],
    ].map(([fn, colno]) => ({ function: fn, filename: "/static/js/main.js", abs_path: file, lineno, colno, in_app: true }));
    const eventId = newEventId();
    const event = { event_id: eventId, timestamp: Date.now() / 1000, platform: "javascript", level: "error", exception: { values: [{ type: "TypeError", value: `Cannot read properties of undefined (reading 'items') ${eventId}`, stacktrace: { frames } }] }, ...extra };
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`), new Uint8Array(envelope({ event_id: eventId }, [{ type: "event", payload: JSON.stringify(event) }])));
    expect(res.status).toBe(200);
    const [row] = await query<{ groupId: string }>(`SELECT "groupId"::text FROM "ErrorOccurrence" WHERE "projectId" = $1::uuid AND "eventId" = $2`, [t.projectId, eventId]);
    const shown = await (await getJson(`/api/v1/errors/${row.groupId}/events/latest`, { cookie: member })).json();
    return { groupId: row.groupId, frames: shown.exceptions[0].frames as { function?: string; filename?: string; lineno?: number; minified?: { function?: string } }[] };
  }

  beforeAll(async () => {
    t = await createTenant("sentrycli");
    ({ member, token, org, project } = await sentryCliTarget(t));
  });

  it("checks its configuration with `sentry-cli info`: the token's user and scopes, the organization", async () => {
    const info = sentryCli(["info"]);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toContain(`User: ${t.member.email}`);
    expect(info.stdout).toContain("project:releases");
    const readToken = (await api("POST", "/api/v1/account/tokens", member, { name: "read", scope: "read" })).body.token;
    const readInfo = sentryCli(["info"], readToken);
    expect(readInfo.status, readInfo.stderr).toBe(0);
    expect(readInfo.stdout).toContain("project:read");
    expect(readInfo.stdout).not.toContain("project:write");
    expect(sentryCli(["info"], "flt_not_a_real_token").status).not.toBe(0);
    const organization = await (await fetch(`${BASE_URL}/api/0/organizations/${org}/`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(organization).toMatchObject({ id: t.workspaceId, slug: org, links: { regionUrl: BASE_URL } });
  });

  it("maps an event's frames by the debug IDs sentry-cli injected, with no release anywhere", async () => {
    const dir = build();
    const inject = sentryCli(["sourcemaps", "inject", dir]);
    expect(inject.status, inject.stderr).toBe(0);
    const debugId = JSON.parse(fs.readFileSync(path.join(dir, "static/js/main.js.map"), "utf8")).debugId as string;
    expect(debugId).toMatch(/^[0-9a-f-]{36}$/);

    const upload = sentryCli(["sourcemaps", "upload", dir]);
    expect(upload.status, upload.stderr).toBe(0);
    expect(upload.stdout).toContain("File processing complete");
    const list = await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps`, member);
    expect(list.body.items).toEqual([expect.objectContaining({ release: null, url: "~/static/js/main.js", debugId, sourceCount: 2 })]);

    // Without the debug ID the event's frames stay minified; with it (as @sentry/browser sends it), they read as written.
    expect((await sendEvent(dir, {})).frames.map((f) => f.function)).toEqual(["a", "n.checkout", "o"]);
    const mapped = await sendEvent(dir, { debug_meta: { images: [{ type: "sourcemap", code_file: `${HOST}/static/js/main.js`, debug_id: debugId }] } });
    expect(mapped.frames.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      ["onPayClicked", "main.ts", 6],
      ["CheckoutService.checkout", "cart.ts", 12],
      ["totalOf", "cart.ts", 5],
    ]);
    expect(mapped.frames[2].minified).toMatchObject({ function: "o" });
    // The issue names where it happened by the original code too (its first event's debug IDs), in the list as on its page.
    expect((await (await getJson(`/api/v1/errors/${mapped.groupId}`, { cookie: member })).json()).culprit).toBe("cart.ts in totalOf");
    const listed = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&pageSize=100`, { cookie: member })).json();
    expect(listed.items.find((i: { errorId: string }) => i.errorId === mapped.groupId)?.culprit).toBe("cart.ts in totalOf");
    // The native API takes the same as `debugIds` (what @faultline/client fills from the build's _sentryDebugIds).
    const lineno = fs.readFileSync(path.join(dir, "static/js/main.js"), "utf8").split("\n").indexOf(ORIGINAL_LINE) + 1;
    const native = await postEvents(t.key, {
      type: "TypeError",
      message: "Cannot read properties of undefined (reading 'items')",
      platform: "javascript",
      stackTrace: `TypeError: Cannot read properties of undefined (reading 'items')\n    at o (${HOST}/static/js/main.js:${lineno}:30)\n    at n.checkout (${HOST}/static/js/main.js:${lineno}:143)`,
      debugIds: { [`${HOST}/static/js/main.js`]: debugId },
    });
    expect(native.status).toBe(202);
    const nativeEvent = await (await getJson(`/api/v1/errors/${(await native.json()).accepted[0].groupId}/events/latest`, { cookie: member })).json();
    expect(nativeEvent.exceptions[0].frames.map((f: { function?: string }) => f.function)).toEqual(["CheckoutService.checkout", "totalOf"]);

    // The same upload again (a re-run CI job): nothing is sent twice, and it still succeeds.
    const again = sentryCli(["sourcemaps", "upload", dir]);
    expect(again.status, again.stderr).toBe(0);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps`, member)).body.items).toHaveLength(1);
  });

  it("stores a build without debug IDs under the release it names, for that release's events", async () => {
    const dir = build();
    const upload = sentryCli(["sourcemaps", "upload", "--release", "shop@4.2.0", dir]);
    expect(upload.status, upload.stderr).toBe(0);
    const list = await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps?release=shop%404.2.0`, member);
    expect(list.body.items).toEqual([expect.objectContaining({ release: "shop@4.2.0", url: "~/static/js/main.js", debugId: null })]);
    expect((await sendEvent(dir, { release: "shop@4.2.0" })).frames.map((f) => f.function)).toEqual(["onPayClicked", "CheckoutService.checkout", "totalOf"]);
    expect((await sendEvent(dir, { release: "shop@4.3.0" })).frames.map((f) => f.function)).toEqual(["a", "n.checkout", "o"]);
  });

  it("fails the upload step, storing nothing, for a viewer's token, an unknown organization or project", async () => {
    const dir = build();
    const before = (await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps`, member)).body.items.length;
    const viewerToken = (await api("POST", "/api/v1/account/tokens", await login(t.viewer), { name: "v", scope: "write" })).body.token;
    expect(sentryCli(["sourcemaps", "upload", "--release", "v", dir], viewerToken).status).not.toBe(0);
    expect(sentryCli(["sourcemaps", "upload", "--release", "v", "--org", "no-such-org", dir]).status).not.toBe(0);
    expect(sentryCli(["sourcemaps", "upload", "--release", "v", "--project", "no-such-project", dir]).status).not.toBe(0);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps`, member)).body.items).toHaveLength(before);
  });

  it("answers the protocol's bad input with a clear error: a misnamed chunk, a bundle that does not add up or is not a bundle", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const options = await (await fetch(`${BASE_URL}/api/0/organizations/${org}/chunk-upload/`, { headers: auth })).json();
    expect(options).toMatchObject({ chunkSize: 8 * 1024 * 1024, hashAlgorithm: "sha1", compression: ["gzip"], url: `${BASE_URL}/api/0/organizations/${org}/chunk-upload/` });

    const data = Buffer.from(`not a zip ${Date.now()}`);
    const sha1 = createHash("sha1").update(data).digest("hex");
    const form = (name: string) => {
      const body = new FormData();
      body.append("file", new Blob([data]), name);
      return body;
    };
    const misnamed = await fetch(options.url, { method: "POST", headers: auth, body: form("0".repeat(40)) });
    expect(misnamed.status).toBe(400);
    expect((await misnamed.json()).error).toMatchObject({ field: "file[0]", message: expect.stringContaining(sha1) });

    const assemble = (body: unknown) => fetch(`${BASE_URL}/api/0/organizations/${org}/artifactbundle/assemble/`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    // Not sent yet: the client is told which chunks to send.
    expect(await (await assemble({ checksum: sha1, chunks: [sha1], projects: [project] })).json()).toEqual({ state: "not_found", missingChunks: [sha1], detail: null });
    expect((await fetch(options.url, { method: "POST", headers: auth, body: form(sha1) })).status).toBe(200);
    const notZip = await (await assemble({ checksum: sha1, chunks: [sha1], projects: [project] })).json();
    expect(notZip).toMatchObject({ state: "error", detail: expect.stringContaining("not an artifact bundle") });
    const wrongSum = await (await assemble({ checksum: "f".repeat(40), chunks: [sha1], projects: [project] })).json();
    expect(wrongSum).toMatchObject({ state: "error", detail: "the chunks do not add up to the file's checksum" });
    const invalid = await assemble({ checksum: "xyz", chunks: [], projects: [] });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(["checksum", "chunks", "projects"]);
    const unknownProject = await assemble({ checksum: sha1, chunks: [sha1], projects: ["nope"] });
    expect(unknownProject.status).toBe(404);
    expect((await unknownProject.json()).error.field).toBe("projects[0]");
    const otherOrg = await createTenant("sentrycli-other");
    const [{ slug }] = await query<{ slug: string }>(`SELECT slug FROM "Workspace" WHERE id = $1::uuid`, [otherOrg.workspaceId]);
    expect((await fetch(`${BASE_URL}/api/0/organizations/${slug}/chunk-upload/`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${BASE_URL}/api/0/organizations/${org}/chunk-upload/`)).status).toBe(401);
  });

  it("declares releases, sets their commits from local git (each range from the previous release's head) and finalizes them", async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-git-"));
    const git = (...args: string[]) => {
      const run = spawnSync("git", ["-c", "user.name=Ada", "-c", "user.email=ada@shop.example", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], { cwd: repo, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.trim();
    };
    git("init", "-q");
    git("remote", "add", "origin", "https://github.com/acme/shop.git");
    fs.mkdirSync(path.join(repo, "src"));
    fs.writeFileSync(path.join(repo, "src/cart.ts"), "export const total = 1;\n");
    git("add", ".");
    git("commit", "-q", "-m", "Add the cart");
    const first = git("rev-parse", "HEAD");

    const created = sentryCli(["releases", "new", "shop@5.0.0"], token, repo);
    expect(created.status, created.stderr).toBe(0);
    const commits1 = sentryCli(["releases", "set-commits", "shop@5.0.0", "--local"], token, repo);
    expect(commits1.status, commits1.stderr + commits1.stdout).toBe(0);
    const stored1 = await api("GET", `/api/v1/projects/${t.projectId}/releases/shop%405.0.0/commits`, member);
    expect(stored1.body.commits).toEqual([expect.objectContaining({ sha: first, message: "Add the cart", authorName: "Ada", authorEmail: "ada@shop.example", files: ["src/cart.ts"] })]);

    fs.writeFileSync(path.join(repo, "src/checkout.ts"), "export const pay = () => 2;\n");
    git("add", ".");
    git("commit", "-q", "-m", "Pay at checkout");
    const second = git("rev-parse", "HEAD");
    expect(sentryCli(["releases", "new", "shop@5.1.0"], token, repo).status).toBe(0);
    // --auto finds no repository integration and reads local git too; the range starts after shop@5.0.0's head.
    const commits2 = sentryCli(["releases", "set-commits", "shop@5.1.0", "--auto"], token, repo);
    expect(commits2.status, commits2.stderr + commits2.stdout).toBe(0);
    const stored2 = await api("GET", `/api/v1/projects/${t.projectId}/releases/shop%405.1.0/commits`, member);
    expect(stored2.body.commits.map((c: { sha: string }) => c.sha)).toEqual([second]);

    const finalized = sentryCli(["releases", "finalize", "shop@5.1.0"], token, repo);
    expect(finalized.status, finalized.stderr).toBe(0);
    const info = await (await fetch(`${BASE_URL}/api/0/organizations/${org}/releases/shop%405.1.0/`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(info).toMatchObject({ version: "shop@5.1.0", projects: [{ slug: project }], lastCommit: { id: second } });
    expect(Date.parse(info.dateReleased)).toBeGreaterThan(Date.parse(info.dateCreated) - 1);

    // A deploy step reports where it went; the releases list and the release page show it before any event names the release.
    const deploy = sentryCli(["deploys", "new", "--release", "shop@5.1.0", "-e", "production", "-n", "deploy #42", "-u", "https://ci.example/runs/42"], token, repo);
    expect(deploy.status, deploy.stderr).toBe(0);
    const listed = sentryCli(["deploys", "list", "--release", "shop@5.1.0"], token, repo);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("production");
    const releases = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases?projectId=${t.projectId}`, member);
    const byVersion = new Map(releases.body.items.map((r: { version: string }) => [r.version, r]));
    expect(byVersion.get("shop@5.0.0")).toMatchObject({ events: 0, issues: 0, dateReleased: null, lastDeploy: null });
    expect(byVersion.get("shop@5.1.0")).toMatchObject({ events: 0, lastDeploy: { environment: "production" } });
    expect(Date.parse((byVersion.get("shop@5.1.0") as { dateReleased: string }).dateReleased)).toBe(Date.parse(info.dateReleased));
    const declaredOnly = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/shop%405.1.0`, member);
    expect(declaredOnly.status).toBe(200);
    expect(declaredOnly.body.deploys).toEqual([expect.objectContaining({ environment: "production", name: "deploy #42", url: "https://ci.example/runs/42" })]);
    expect((await postEvents(t.key, { type: "TypeError", message: "after the deploy", release: "shop@5.1.0" })).status).toBe(202);
    const page = await api("GET", `/api/v1/workspaces/${t.workspaceId}/releases/shop%405.1.0`, member);
    expect(page.body.release).toMatchObject({ version: "shop@5.1.0", events: 1, lastDeploy: { environment: "production" } });

    // What the protocol cannot do here is said, not dropped: commits by repository reference, a release never declared.
    const put = (version: string, body: unknown) => fetch(`${BASE_URL}/api/0/organizations/${org}/releases/${encodeURIComponent(version)}/`, { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const refs = await put("shop@5.1.0", { refs: [{ repository: "acme/shop", commit: second }] });
    expect(refs.status).toBe(400);
    expect((await refs.json()).error.field).toBe("refs");
    expect((await put("shop@9.9.9", { dateReleased: new Date().toISOString() })).status).toBe(404);
    const badCommit = await put("shop@5.1.0", { commits: [{ id: "not-a-sha", patch_set: [] }] });
    expect(badCommit.status).toBe(422);
    expect((await badCommit.json()).error.issues[0].path).toBe("commits[0].id");
  });
});
