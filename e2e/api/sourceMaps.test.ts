import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { db } from "@/lib/db/prisma";
import { storeSourceMap } from "@/lib/sourcemaps/storeSourceMap";

// An esbuild-minified bundle's map (lib/sourcemaps/__fixtures__) and the stack its bundle throws, as a browser reports it.
const MAP = fs.readFileSync(path.join(process.cwd(), "lib/sourcemaps/__fixtures__/main.min.js.map"));
const FILE = "https://shop.example/static/js/main.3f2a.js";
const frames = [
  { function: "a", filename: "/static/js/main.3f2a.js", absPath: FILE, lineno: 1, colno: 219 },
  { function: "n.checkout", filename: "/static/js/main.3f2a.js", absPath: FILE, lineno: 1, colno: 143 },
  { function: "o", filename: "/static/js/main.3f2a.js", absPath: FILE, lineno: 1, colno: 30 },
];

function upload(token: string, projectId: string, query: string, body: BodyInit) {
  return fetch(`${BASE_URL}/api/v1/projects/${projectId}/sourcemaps?${query}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
}

describe("source maps", () => {
  let t: Tenant;
  let member: string;
  let token: string;
  let lastIssue = "";

  beforeAll(async () => {
    t = await createTenant("sourcemaps");
    member = await login(t.member);
    token = (await api("POST", "/api/v1/account/tokens", member, { name: "deploy", scope: "write" })).body.token;
  });

  async function latestFrames(release: string) {
    const res = await postEvents(t.key, { type: "TypeError", message: "Cannot read properties of undefined (reading 'items')", severity: "high", release, platform: "javascript", stackTrace: frames });
    expect(res.status).toBe(202);
    const issue = (await res.json()).accepted[0].groupId;
    const event = await (await getJson(`/api/v1/errors/${issue}/events/latest`, { cookie: member })).json();
    lastIssue = issue;
    return event.exceptions[0].frames as { function?: string; filename?: string; lineno?: number; colno?: number; contextLine?: string; language: string; minified?: { function?: string; colno?: number } }[];
  }

  it("maps the frames of an event of the uploaded release to the original files, lines, functions and source", async () => {
    const res = await upload(token, t.projectId, `release=shop%401.4.0&url=${encodeURIComponent("~/static/js/main.3f2a.js")}`, MAP);
    expect(res.status).toBe(201);
    const stored = await res.json();
    expect(stored).toMatchObject({ release: "shop@1.4.0", url: "~/static/js/main.3f2a.js", size: MAP.length, sourceCount: 2 });

    const mapped = await latestFrames("shop@1.4.0");
    // Innermost last, as stored; the viewer lists innermost first.
    expect(mapped.map((f) => [f.function, f.filename, f.lineno, f.colno, f.language])).toEqual([
      ["onPayClicked", "main.ts", 6, 16, "typescript"],
      ["CheckoutService.checkout", "cart.ts", 12, 19, "typescript"],
      ["totalOf", "cart.ts", 5, 15, "typescript"],
    ]);
    expect(mapped[2].contextLine).toBe("  return cart.items.reduce((sum, item) => sum + item.price * item.qty, 0);");
    expect(mapped[2].minified).toMatchObject({ function: "o", colno: 30 });
    // The issue names where it happened by the original code too.
    expect((await getJson(`/api/v1/errors/${lastIssue}`, { cookie: member }).then((r) => r.json())).culprit).toBe("cart.ts in totalOf");

    // Another release has no map: its frames stay minified.
    expect((await latestFrames("shop@1.5.0")).map((f) => f.function)).toEqual(["a", "n.checkout", "o"]);
  });

  it("keeps a map that carries its own debugId by that ID, with or without a release, for events that list it", async () => {
    const debugId = "5a1e0000-0000-4000-8000-00000000beef";
    const withId = Buffer.from(JSON.stringify({ ...JSON.parse(MAP.toString()), debugId }));
    const res = await upload(token, t.projectId, `url=${encodeURIComponent("~/static/js/main.3f2a.js")}`, withId);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ release: null, debugId, url: "~/static/js/main.3f2a.js" });
    const sent = await postEvents(t.key, { type: "TypeError", message: "by debug id", platform: "javascript", stackTrace: frames, debugIds: { [FILE]: debugId } });
    const issue = (await sent.json()).accepted[0].groupId;
    const event = await (await getJson(`/api/v1/errors/${issue}/events/latest`, { cookie: member })).json();
    expect(event.exceptions[0].frames.map((f: { function?: string }) => f.function)).toEqual(["onPayClicked", "CheckoutService.checkout", "totalOf"]);
    // The same map under a release afterwards: one row, now also the release's.
    const again = await (await upload(token, t.projectId, `release=shop%406.0.0&url=${encodeURIComponent("~/static/js/main.3f2a.js")}`, withId)).json();
    expect(again).toMatchObject({ release: "shop@6.0.0", debugId });
    const list = await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps`, member);
    expect(list.body.items.filter((m: { debugId: string | null }) => m.debugId === debugId)).toHaveLength(1);
  });

  it("lists, replaces and deletes maps; a deleted map no longer applies", async () => {
    const query = `release=shop%402.0.0&url=${encodeURIComponent(FILE)}`;
    const first = await (await upload(token, t.projectId, query, MAP)).json();
    const again = await (await upload(token, t.projectId, query, MAP)).json();
    expect(again.id).toBe(first.id);
    const list = await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps?release=shop%402.0.0`, await login(t.viewer));
    expect(list.body.items).toEqual([expect.objectContaining({ id: first.id, url: FILE, release: "shop@2.0.0" })]);
    expect((await latestFrames("shop@2.0.0"))[2].filename).toBe("cart.ts");

    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/sourcemaps/${first.id}`, member)).status).toBe(204);
    expect((await latestFrames("shop@2.0.0"))[2].function).toBe("o");
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/sourcemaps/${first.id}`, member)).status).toBe(404);
  });

  it("groups a release's minified events on the functions as written: one bug across builds, two bugs with one message apart", async () => {
    const bundle = (hash: string) => `https://shop.example/static/js/main.${hash}.js`;
    const stackOf = (hash: string, names: string[], columns: number[]) => names.map((name, i) => ({ function: name, filename: `/static/js/main.${hash}.js`, absPath: bundle(hash), lineno: 1, colno: columns[i], inApp: true }));
    for (const [release, hash] of [["grp@1", "aaaa"], ["grp@2", "bbbb"]]) {
      expect((await upload(token, t.projectId, `release=${encodeURIComponent(release)}&url=${encodeURIComponent(`~/static/js/main.${hash}.js`)}`, MAP)).status).toBe(201);
    }
    const send = async (release: string, message: string, stackTrace: unknown) => {
      const res = await postEvents(t.key, { type: "TypeError", message, release, platform: "javascript", stackTrace });
      expect(res.status).toBe(202);
      return (await res.json()).accepted[0].groupId as string;
    };
    const first = await send("grp@1", "Cannot read properties of undefined (reading 'items')", stackOf("aaaa", ["a", "n.checkout", "o"], [219, 143, 30]));
    // The next build renamed every minified function and the property read differs: the same code, the same issue.
    const nextBuild = await send("grp@2", "Cannot read properties of undefined (reading 'price')", stackOf("bbbb", ["xe", "Qt.checkout", "r"], [219, 143, 30]));
    expect(nextBuild).toBe(first);
    // The same message thrown in another function is another bug.
    const elsewhere = await send("grp@1", "Cannot read properties of undefined (reading 'items')", stackOf("aaaa", ["a"], [219]));
    expect(elsewhere).not.toBe(first);
    // A trace sent as text is mapped as well.
    const text = ["TypeError: Cannot read properties of undefined (reading 'qty')", ...[[30, "o"], [143, "n.checkout"], [219, "a"]].map(([column, fn]) => `    at ${fn} (${bundle("aaaa")}:1:${column})`)].join("\n");
    expect(await send("grp@1", "Cannot read properties of undefined (reading 'qty')", text)).toBe(first);
    // So is a Sentry SDK's event (its frames innermost last).
    const eventId = newEventId();
    const sentry = await postRaw(
      sentryUrl(t.projectPublicId, "store", `sentry_key=${t.key}&sentry_version=7`),
      JSON.stringify({
        event_id: eventId,
        platform: "javascript",
        release: "grp@2",
        exception: { values: [{ type: "TypeError", value: "Cannot read properties of undefined (reading 'sku')", stacktrace: { frames: stackOf("bbbb", ["k", "Z.checkout", "q"], [219, 143, 30]).map((f) => ({ function: f.function, filename: f.filename, abs_path: f.absPath, lineno: 1, colno: f.colno, in_app: true })) } }] },
      }),
      { "content-type": "application/json" },
    );
    expect(sentry.status).toBe(200);
    const events = await (await getJson(`/api/v1/errors/${first}/events?limit=50`, { cookie: member })).json();
    expect(events.items.map((e: { eventId: string }) => e.eventId)).toContain(eventId);
    // The issue names where it happened by the original code, on its page and in the list.
    expect((await getJson(`/api/v1/errors/${first}`, { cookie: member }).then((r) => r.json())).culprit).toBe("cart.ts in totalOf");
    const list = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("release:grp@1")}`, { cookie: member })).json();
    expect(list.items.find((i: { errorId: string }) => i.errorId === elsewhere)?.culprit).toBe("main.ts in onPayClicked");
    expect(list.items.find((i: { errorId: string }) => i.errorId === first)?.culprit).toBe("cart.ts in totalOf");

    // The grouping rules' dry run keys events as ingest did: cart.ts made library code leaves the
    // first issue's events keyed on onPayClicked alone, the other issue's key.
    const preview = await api("POST", `/api/v1/projects/${t.projectId}/grouping-rules/preview`, member, { rules: [{ kind: "frame", match: { path: "**/cart.ts" }, action: "library" }] });
    expect(preview.status).toBe(200);
    expect(preview.body.merges).toEqual([expect.objectContaining({ into: expect.objectContaining({ errorId: elsewhere }), issues: expect.arrayContaining([expect.objectContaining({ errorId: first })]) })]);
  });

  it("uploads a build's maps with the client package's faultline-sourcemaps command, reporting the one it could not", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-maps-"));
    fs.mkdirSync(path.join(dir, "js"));
    fs.writeFileSync(path.join(dir, "js", "main.3f2a.js.map"), MAP);
    fs.writeFileSync(path.join(dir, "js", "broken.js.map"), "{}");
    fs.writeFileSync(path.join(dir, "js", "main.3f2a.js"), "/* the bundle itself is not uploaded */");
    const run = spawnSync(process.execPath, ["packages/client/dist/cli.js", "upload", dir, "--release", "shop@3.0.0", "--url-prefix", "~/static"], {
      env: { ...process.env, FAULTLINE_URL: BASE_URL, FAULTLINE_API_TOKEN: token, FAULTLINE_PROJECT: t.projectId },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("uploaded js/main.3f2a.js.map as ~/static/js/main.3f2a.js");
    expect(run.stdout).toMatch(/failed js\/broken\.js\.map: 422 .*body/);
    expect(run.stdout).toContain("1 source map(s) uploaded for shop@3.0.0, 1 failed");
    const list = await api("GET", `/api/v1/projects/${t.projectId}/sourcemaps?release=shop%403.0.0`, member);
    expect(list.body.items.map((m: { url: string }) => m.url)).toEqual(["~/static/js/main.3f2a.js"]);
    expect((await latestFrames("shop@3.0.0"))[2].function).toBe("totalOf");
  });

  it("lets the later of two builds of a release's file stored at once replace the earlier (it got a 409: the other's row was not yet committed)", async () => {
    const release = "race@1.0.0";
    const url = "~/static/js/race.js";
    const build = (debugId: string) => ({ url, debugId, content: MAP, sourceCount: 2 });
    const [earlier, later] = ["7ace0000-0000-4000-8000-000000000001", "7ace0000-0000-4000-8000-000000000002"];
    // The earlier build's transaction stores its map and stays open until the later one is waiting.
    let stored!: () => void;
    let release1!: () => void;
    const storedEarlier = new Promise<void>((resolve) => (stored = resolve));
    const commitEarlier = new Promise<void>((resolve) => (release1 = resolve));
    const first = db().$transaction(
      async (tx) => {
        await storeSourceMap(tx, t.projectId, release, build(earlier));
        stored();
        await commitEarlier;
      },
      { timeout: 30_000 },
    );
    await storedEarlier;
    let pid: number | undefined;
    const second = db().$transaction(
      async (tx) => {
        pid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
        return storeSourceMap(tx, t.projectId, release, build(later));
      },
      { timeout: 30_000 },
    );
    // Blocked on the earlier one (its lock, or before the fix its uncommitted row): then it commits.
    await waitFor(async () => (pid !== undefined && (await query<{ w: string | null }>(`SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = $1`, [pid]))[0]?.w === "Lock") || undefined);
    release1();
    await first;
    expect(await second).toMatchObject({ release, url, debugId: later });
    const rows = await db().sourceMap.findMany({ where: { projectId: t.projectId, release, url }, select: { debugId: true } });
    expect(rows).toEqual([{ debugId: later }]);
  });

  it("refuses what is not a source map, a bad URL, viewers and other workspaces, clearly", async () => {
    const notMap = await upload(token, t.projectId, `release=r&url=${encodeURIComponent("~/a.js")}`, "{\"version\":2}");
    expect(notMap.status).toBe(422);
    expect((await notMap.json()).error.issues[0]).toMatchObject({ path: "body" });
    const badUrl = await upload(token, t.projectId, "release=r&url=main.js", MAP);
    expect(badUrl.status).toBe(422);
    expect((await badUrl.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(["url"]);
    const noRelease = await upload(token, t.projectId, `url=${encodeURIComponent("~/a.js")}`, MAP);
    expect(noRelease.status).toBe(422);
    expect((await noRelease.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(["release"]);

    const viewerToken = (await api("POST", "/api/v1/account/tokens", await login(t.viewer), { name: "v", scope: "write" })).body.token;
    expect((await upload(viewerToken, t.projectId, `release=r&url=${encodeURIComponent("~/a.js")}`, MAP)).status).toBe(403);
    const other = await createTenant("sourcemaps-other");
    expect((await upload(token, other.projectId, `release=r&url=${encodeURIComponent("~/a.js")}`, MAP)).status).toBe(404);
  });
});
