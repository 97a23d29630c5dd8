import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { runSentryCli, sentryCliTarget, type SentryCliTarget } from "@/e2e/support/sentryCliRunner";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

// An Android app's R8 mapping (written for this test, in the format R8 8.x writes) and crashes as
// sentry-android reports them from the obfuscated build: classes `a.a`, methods `a`/`b`, "SourceFile".
const MAPPING = [
  "# compiler: R8",
  "# compiler_version: 8.1.56",
  "# min_api: 24",
  "com.example.shop.CheckoutActivity -> com.example.shop.CheckoutActivity:",
  '# {"id":"sourceFile","fileName":"CheckoutActivity.kt"}',
  "    1:4:void onCreate(android.os.Bundle):12:15 -> onCreate",
  "    1:1:int com.example.shop.Cart.total():40:40 -> b",
  "    1:1:void pay():22 -> b",
  "    2:3:void pay():23:24 -> b",
  "com.example.shop.Cart -> a.a:",
  '# {"id":"sourceFile","fileName":"Cart.kt"}',
  "    java.util.List items -> a",
  "    1:1:int total():40:40 -> a",
  "    2:5:int discount(int):50:53 -> b",
  "com.example.shop.PaymentDeclinedException -> a.b:",
  "    1:1:void <init>(java.lang.String):8:8 -> <init>",
  "",
].join("\n");

type ShownFrame = { function?: string; module?: string; filename?: string; lineno?: number; contextLine?: string };

/** The UUID sentry-cli gives a folder's mapping.txt (what the Android Gradle plugin writes into the app). */
async function mappingUuid(dir: string): Promise<string> {
  const { proguardUuid } = await import("@/lib/proguard/proguardUuid");
  return proguardUuid(fs.readFileSync(path.join(dir, "mapping.txt")));
}

describe("ProGuard / R8 mappings: obfuscated Android and JVM events retraced", () => {
  let t: Tenant;
  let member: string;
  let viewer: string;
  let cli: SentryCliTarget & { member: string };
  const sentryCli = (args: string[], cwd: string) => runSentryCli(cli, args, cwd);

  /** An uncaught crash of the obfuscated build, as sentry-android sends it (frames innermost last). */
  async function sendCrash(uuid: string | null, marker: string, images: Record<string, unknown>[] = []) {
    const eventId = newEventId();
    const frames = [
      { function: "dispatchMessage", module: "android.os.Handler", filename: "Handler.java", lineno: 106, in_app: false },
      { function: "b", module: "com.example.shop.CheckoutActivity", filename: "SourceFile", lineno: 1, in_app: true },
      { function: "b", module: "a.a", filename: "SourceFile", lineno: 4, in_app: true },
    ];
    const event = {
      event_id: eventId,
      timestamp: Date.now() / 1000,
      platform: "java",
      level: "fatal",
      sdk: { name: "sentry.java.android", version: "8.13.2" },
      exception: { values: [{ type: "b", module: "a", value: `card declined ${marker}`, stacktrace: { frames }, mechanism: { type: "UncaughtExceptionHandler", handled: false } }] },
      ...((uuid || images.length > 0) && { debug_meta: { images: [...(uuid ? [{ type: "proguard", uuid }] : []), ...images] } }),
    };
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`), new Uint8Array(envelope({ event_id: eventId }, [{ type: "event", payload: JSON.stringify(event) }])));
    expect(res.status).toBe(200);
    return { eventId, ...(await shown(eventId)) };
  }

  async function shown(eventId: string) {
    const [row] = await query<{ groupId: string }>(`SELECT "groupId"::text FROM "ErrorOccurrence" WHERE "projectId" = $1::uuid AND "eventId" = $2`, [t.projectId, eventId]);
    const issue = await (await getJson(`/api/v1/errors/${row.groupId}`, { cookie: member })).json();
    const event = await (await getJson(`/api/v1/errors/${row.groupId}/events/latest`, { cookie: member })).json();
    return { groupId: row.groupId, issue, event, frames: event.exceptions[0].frames as ShownFrame[] };
  }

  beforeAll(async () => {
    t = await createTenant("proguard");
    cli = await sentryCliTarget(t);
    member = cli.member;
    viewer = await login(t.viewer);
  });

  it("retraces a sentry-android crash with the mapping `sentry-cli upload-proguard` sent: frames, inlined calls, exception class", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-proguard-"));
    fs.writeFileSync(path.join(dir, "mapping.txt"), MAPPING);
    // Before the upload the crash is stored as received, and says which mapping it lacks.
    const before = await sendCrash("0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f", "before");
    expect(before.frames.at(-1)).toMatchObject({ module: "a.a", function: "b" });
    expect(before.event.proguard).toEqual({ uuids: ["0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f"], missing: ["0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f"], retracedWhenViewed: [] });

    const upload = sentryCli(["upload-proguard", "--write-properties", path.join(dir, "sentry-debug-meta.properties"), "mapping.txt"], dir);
    expect(upload.status, upload.stderr).toBe(0);
    const uuid = /io\.sentry\.ProguardUuids=([0-9a-f-]{36})/.exec(fs.readFileSync(path.join(dir, "sentry-debug-meta.properties"), "utf8"))![1];
    expect(upload.stdout).toContain(uuid);
    const listed = await api("GET", `/api/v1/projects/${t.projectId}/proguard`, member);
    expect(listed.body.items).toEqual([{ uuid, size: Buffer.byteLength(MAPPING), classCount: 3, createdAt: expect.any(String) }]);
    // The same upload again (a rebuild that changed nothing) succeeds and keeps one row.
    expect(sentryCli(["upload-proguard", "mapping.txt"], dir).status).toBe(0);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/proguard`, member)).body.items).toHaveLength(1);

    const crash = await sendCrash(uuid, "after");
    expect(crash.frames.map((f) => [f.module, f.function, f.filename, f.lineno])).toEqual([
      ["android.os.Handler", "dispatchMessage", "Handler.java", 106],
      ["com.example.shop.CheckoutActivity", "pay", "CheckoutActivity.kt", 22],
      ["com.example.shop.Cart", "total", "Cart.kt", 40],
      ["com.example.shop.Cart", "discount", "Cart.kt", 52],
    ]);
    expect(crash.issue.type).toBe("PaymentDeclinedException");
    expect(crash.event.proguard).toEqual({ uuids: [uuid], missing: [], retracedWhenViewed: [] });
    // Retraced, the crash is its own issue (what it groups on is the code as written), not the obfuscated one.
    expect(crash.groupId).not.toBe(before.groupId);
    const again = await sendCrash(uuid, "again");
    expect(again.groupId).toBe(crash.groupId);

    // A crash that arrived before its mapping was uploaded reads retraced once it is; it stays grouped as it was.
    const late = await sendCrash(uuid.replace(/^./, "f"), "late");
    expect(late.frames.at(-1)).toMatchObject({ module: "a.a", function: "b" });
    const lateUuid = uuid.replace(/^./, "f");
    const uploaded = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/proguard?uuid=${lateUuid}`, { method: "POST", headers: { cookie: member }, body: MAPPING });
    expect(uploaded.status).toBe(201);
    const reread = await shown(late.eventId);
    expect(reread.groupId).toBe(late.groupId);
    expect(reread.frames.at(-1)).toMatchObject({ module: "com.example.shop.Cart", function: "discount", lineno: 52 });
    expect(reread.event.proguard).toEqual({ uuids: [lateUuid], missing: [], retracedWhenViewed: [lateUuid] });
  });

  it("shows the frames' source lines from the JVM source bundle `sentry-cli debug-files bundle-jvm` + `upload` sent", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-jvm-sources-"));
    const source = (lines: Record<number, string>) => Array.from({ length: 60 }, (_, i) => lines[i + 1] ?? `// ${i + 1}`).join("\n");
    fs.mkdirSync(path.join(dir, "src/com/example/shop"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src/com/example/shop/Cart.kt"), source({ 40: "  fun total(): Int = items.sumOf { it.price }", 52: "    check(code != 51) { \"card declined\" }" }));
    fs.writeFileSync(path.join(dir, "src/com/example/shop/CheckoutActivity.kt"), source({ 22: "    val sum = cart.total()" }));
    fs.writeFileSync(path.join(dir, "mapping.txt"), MAPPING);
    const bundleId = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    const bundled = sentryCli(["debug-files", "bundle-jvm", "--output", "out", "--debug-id", bundleId, "src"], dir);
    expect(bundled.status, bundled.stderr).toBe(0);
    const uploaded = sentryCli(["debug-files", "upload", "--type", "jvm", "out"], dir);
    expect(uploaded.status, uploaded.stderr + uploaded.stdout).toBe(0);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/source-bundles`, member)).body.items).toEqual([{ debugId: bundleId, size: expect.any(Number), fileCount: 2, createdAt: expect.any(String) }]);
    expect(sentryCli(["upload-proguard", "mapping.txt"], dir).status).toBe(0);

    const crash = await sendCrash(await mappingUuid(dir), "with sources", [{ type: "jvm", debug_id: bundleId }]);
    const [, pay, total, discount] = crash.frames as (ShownFrame & { contextLine?: string; preContext?: string[]; postContext?: string[] })[];
    expect(pay).toMatchObject({ function: "pay", contextLine: "    val sum = cart.total()" });
    expect(total).toMatchObject({ function: "total", contextLine: "  fun total(): Int = items.sumOf { it.price }", preContext: ["// 35", "// 36", "// 37", "// 38", "// 39"], postContext: ["// 41", "// 42", "// 43", "// 44", "// 45"] });
    expect(discount.contextLine).toBe('    check(code != 51) { "card declined" }');
    expect(crash.frames[0].contextLine).toBeUndefined();

    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/source-bundles/${bundleId}`, viewer)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/source-bundles/${bundleId}`, member)).status).toBe(204);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/source-bundles`, member)).body.items).toEqual([]);
  });

  it("takes a mapping and a printed JVM trace through the native API", async () => {
    const other = MAPPING.replace("a.b:", "a.c:");
    const refused = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/proguard`, { method: "POST", headers: { cookie: member, "content-type": "text/plain" }, body: '{"version":3}' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.issues).toEqual([expect.objectContaining({ path: "body" })]);
    const uploaded = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/proguard?uuid=8F1B2C3D4E5F60718293A4B5C6D7E8F9`, { method: "POST", headers: { cookie: member, "content-type": "text/plain", "content-encoding": "gzip" }, body: gzipSync(other) });
    expect(uploaded.status).toBe(201);
    const uuid = "8f1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
    expect(await uploaded.json()).toMatchObject({ uuid, classCount: 3 });
    expect((await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/proguard`, { method: "POST", headers: { cookie: viewer }, body: other })).status).toBe(403);

    const eventId = newEventId();
    const res = await postEvents(t.key, {
      eventId,
      type: "a.c",
      message: "card declined",
      platform: "java",
      proguardUuids: [uuid.toUpperCase()],
      stackTrace: "a.c: card declined\n\tat a.a.b(SourceFile:3)\n\tat com.example.shop.CheckoutActivity.onCreate(SourceFile:2)\n\tat android.app.Activity.performCreate(Activity.java:8595)\n",
    });
    expect(res.status).toBe(202);
    const { issue, frames } = await shown(eventId);
    expect(issue.type).toBe("com.example.shop.PaymentDeclinedException");
    expect(frames.map((f) => [f.function, f.lineno])).toEqual([
      ["performCreate", 8595],
      ["onCreate", 13],
      ["discount", 51],
    ]);

    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/proguard/${uuid}`, viewer)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/proguard/${uuid}`, member)).status).toBe(204);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/proguard/${uuid}`, member)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/proguard/not-a-uuid`, member)).status).toBe(422);
  });

  it("answers sentry-cli's other debug files with an error that names them, storing nothing", async () => {
    const content = Buffer.from("\x7fELF not a mapping at all");
    const checksum = (await import("node:crypto")).createHash("sha1").update(content).digest("hex");
    const form = new FormData();
    form.append("file_gzip", new Blob([new Uint8Array(gzipSync(content))]), checksum);
    const { token, org, project } = cli;
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${BASE_URL}/api/0/organizations/${org}/chunk-upload/`, { method: "POST", headers: auth, body: form })).status).toBe(200);
    const res = await fetch(`${BASE_URL}/api/0/projects/${org}/${project}/files/difs/assemble/`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ [checksum]: { name: "libapp.so", chunks: [checksum], debug_id: "0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f" } }) });
    expect(res.status).toBe(200);
    expect((await res.json())[checksum]).toMatchObject({ state: "error", detail: expect.stringContaining("ProGuard") });
    const unknown = await fetch(`${BASE_URL}/api/0/projects/${org}/no-such-project/files/difs/assemble/`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ [checksum]: { name: "x", chunks: [checksum] } }) });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${BASE_URL}/api/0/projects/${org}/${project}/files/difs/assemble/`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ nope: { name: "x", chunks: [] } }) });
    expect(bad.status).toBe(422);
  });
});
