import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { minidumpUpload } from "@/e2e/support/minidumpUpload";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import type { AttachmentSummary } from "@/lib/attachments/attachmentSummary";
import { buildMinidump, type MinidumpSpec } from "@/lib/sentry/__fixtures__/buildMinidump";
import { encodeMsgpack } from "@/lib/sentry/__fixtures__/encodeMsgpack";

let t: Tenant;
let viewer: string;
const auth = () => `sentry_key=${t.key}&sentry_version=7`;

const crash = (installPath: string, pc = 0x100f0c2b4n): MinidumpSpec => ({
  arch: 12,
  platform: 0x8102,
  exceptionCode: 1,
  address: 0x10n,
  pc,
  modules: [
    { name: "/usr/lib/system/libsystem_kernel.dylib", base: 0x1d1b00000n, size: 0x40000 },
    { name: installPath, base: 0x100f00000n, size: 0x100000 },
  ],
});

async function groupOf(eventId: string) {
  const rows = await query<{ groupId: string; type: string; message: string; platform: string; release: string | null; frames: unknown }>(
    `SELECT o."groupId", g.type, g.message, g.platform, o.release, g.frames FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o."eventId" = $2`,
    [t.projectId, eventId],
  );
  return rows[0];
}

/** The event as the event API shows it: its attachments and breadcrumbs. */
async function shownEvent(eventId: string): Promise<{ attachments: AttachmentSummary[]; breadcrumbs: { message: string | null }[] }> {
  const { groupId } = await groupOf(eventId);
  const res = await fetch(`${BASE_URL}/api/v1/errors/${groupId}/events/${eventId}`, { headers: { cookie: viewer } });
  expect(res.status).toBe(200);
  return (await res.json()) as { attachments: AttachmentSummary[]; breadcrumbs: { message: string | null }[] };
}

async function downloaded(id: string): Promise<Buffer> {
  const res = await fetch(`${BASE_URL}/api/v1/attachments/${id}`, { headers: { cookie: viewer } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  t = await createTenant("minidump");
  viewer = await login(t.viewer);
});

describe("Sentry minidump endpoint", () => {
  it("stores a gzipped Crashpad upload as a native crash, its annotations applied, and groups installs of one binary together", async () => {
    const ids: string[] = [];
    for (const install of ["5B2E91C4-7F0A-4D3B-9C1E-2A8F6D0B3E77", "0D4C2A19-88B1-4F7E-A3D2-6E5F7A8B9C01"]) {
      const { body, contentType } = minidumpUpload({ "sentry[release]": "engine@2.1.0", "sentry[tags][gpu]": "m2", _productName: "Engine" }, buildMinidump(crash(`/private/var/containers/Bundle/Application/${install}/MyApp.app/MyApp`)));
      const res = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(zlib.gzipSync(body)), { "content-type": contentType, "content-encoding": "gzip" });
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      ids.push(id);
    }
    const [first, second] = await Promise.all(ids.map(groupOf));
    expect(first).toMatchObject({ type: "EXC_BAD_ACCESS", message: "Fatal error at 0x10 in MyApp +0xc2b4", platform: "native", release: "engine@2.1.0" });
    expect(first.frames).toEqual([expect.objectContaining({ module: "/private/var/containers/Bundle/Application/5B2E91C4-7F0A-4D3B-9C1E-2A8F6D0B3E77/MyApp.app/MyApp" })]);
    expect(second.groupId).toBe(first.groupId);
  });

  it("completes an envelope's event with the minidump attached to it", async () => {
    const id = newEventId();
    const event = JSON.stringify({ event_id: id, timestamp: Date.now() / 1000, platform: "native", release: "engine@2.2.0" });
    const body = envelope({ event_id: id }, [
      { type: "event", payload: event },
      { type: "attachment", payload: buildMinidump({ ...crash("/opt/engine/bin/engine"), arch: 9, platform: 0x8201, exceptionCode: 11, pc: 0x100f00010n }), headers: { attachment_type: "event.minidump", filename: "minidump.dmp" } },
    ]);
    expect((await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(body))).status).toBe(200);
    expect(await groupOf(id)).toMatchObject({ type: "SIGSEGV", message: "Fatal error at 0x10 in engine +0x10", release: "engine@2.2.0" });
  });

  it("keeps a Crashpad upload's dump and files as the event's attachments, and sentry-native's breadcrumb files as its breadcrumbs", async () => {
    const crumb = (message: string, second: number) => encodeMsgpack({ timestamp: `2026-01-01T00:00:0${second}.000Z`, type: "default", message });
    const dump = buildMinidump(crash("/opt/tiler/bin/tiler"));
    const log = Buffer.from("tile cache warmed\nrender thread stalled\n");
    const { body, contentType } = minidumpUpload({ sentry: JSON.stringify({ release: "tiler@5.2.0" }) }, dump, undefined, [
      { name: "__sentry-breadcrumb1", filename: "__sentry-breadcrumb1", body: Buffer.concat([crumb("opened map", 3)]) },
      { name: "__sentry-breadcrumb2", filename: "__sentry-breadcrumb2", body: Buffer.concat([crumb("started", 1), crumb("signed in", 2)]) },
      { name: "app.log", filename: "app.log", body: log },
    ]);
    const res = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(body), { "content-type": contentType });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const event = await shownEvent(id);
    expect(event.breadcrumbs.map((c) => c.message)).toEqual(["started", "signed in", "opened map"]);
    expect(event.attachments.map((a) => [a.filename, a.attachmentType, a.size])).toEqual([
      ["app.log", "event.attachment", log.length],
      ["crash.dmp", "event.minidump", dump.length],
    ]);
    const dumpId = event.attachments.find((a) => a.attachmentType === "event.minidump")!.id;
    expect((await downloaded(dumpId)).equals(dump)).toBe(true);
  });

  it("keeps an envelope's minidump as the event's attachment", async () => {
    const id = newEventId();
    const dump = buildMinidump({ ...crash("/opt/engine/bin/engine"), arch: 9, platform: 0x8201, exceptionCode: 11, pc: 0x100f00010n });
    const body = envelope({ event_id: id }, [
      { type: "event", payload: JSON.stringify({ event_id: id, timestamp: Date.now() / 1000, platform: "native" }) },
      { type: "attachment", payload: dump, headers: { attachment_type: "event.minidump", filename: "minidump.dmp" } },
    ]);
    expect((await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(body))).status).toBe(200);
    const [attachment] = (await shownEvent(id)).attachments;
    expect(attachment).toMatchObject({ filename: "minidump.dmp", attachmentType: "event.minidump", size: dump.length });
    expect((await downloaded(attachment.id)).equals(dump)).toBe(true);
  });

  it("stores a dump cut short, sent alone in an envelope (Crashpad-style) or uploaded, as a native crash of what was readable, the dump attached", async () => {
    const dump = buildMinidump({ ...crash("/opt/engine/bin/engine"), arch: 9, platform: 0x8201, exceptionCode: 11, pc: 0x100f00010n });
    for (const size of [64, Math.floor(dump.length / 2), Math.floor(dump.length * 0.9)]) {
      const cut = dump.subarray(0, size);
      const id = newEventId();
      const body = envelope({ event_id: id }, [{ type: "attachment", payload: cut, headers: { attachment_type: "event.minidump", filename: "crash.dmp" } }]);
      const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(body));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id });
      expect(await groupOf(id)).toMatchObject({ type: "Minidump", message: "Native crash (truncated minidump)", platform: "native" });
      expect((await shownEvent(id)).attachments).toEqual([expect.objectContaining({ filename: "crash.dmp", attachmentType: "event.minidump", size })]);

      const upload = minidumpUpload({ "sentry[release]": "engine@2.3.0" }, cut);
      const uploaded = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(upload.body), { "content-type": upload.contentType });
      expect(uploaded.status).toBe(200);
      const { id: uploadedId } = (await uploaded.json()) as { id: string };
      expect(await groupOf(uploadedId)).toMatchObject({ type: "Minidump", message: "Native crash (truncated minidump)", platform: "native", release: "engine@2.3.0" });
    }
  });

  it("stores an envelope's unreadable minidump sent without an event as an unreadable native crash, the file attached", async () => {
    const id = newEventId();
    const garbage = Buffer.from("this is not a minidump, but the SDK sent it as one");
    const body = envelope({ event_id: id }, [{ type: "attachment", payload: garbage, headers: { attachment_type: "event.minidump", filename: "crash.dmp" } }]);
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(body));
    expect(res.status).toBe(200);
    expect(await groupOf(id)).toMatchObject({ type: "Minidump", message: "Native crash (unreadable minidump)", platform: "native" });
    expect((await shownEvent(id)).attachments).toEqual([expect.objectContaining({ attachmentType: "event.minidump", size: garbage.length })]);
  });

  it("answers 400 naming the field for a missing or unreadable dump, 401 without a key, and stores nothing", async () => {
    const [before] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    const noFile = minidumpUpload({ "sentry[release]": "x" }, null);
    const missing = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(noFile.body), { "content-type": noFile.contentType });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { field: "upload_file_minidump" } });
    const notDump = minidumpUpload({}, Buffer.from("this is not a minidump"));
    const unreadable = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(notDump.body), { "content-type": notDump.contentType });
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toMatchObject({ error: { field: "upload_file_minidump", message: expect.stringContaining("upload_file_minidump: not a minidump") } });
    const notMultipart = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(buildMinidump(crash("/a/MyApp"))), { "content-type": "application/octet-stream" });
    expect(notMultipart.status).toBe(400);
    const good = minidumpUpload({}, buildMinidump(crash("/a/MyApp")));
    expect((await postRaw(sentryUrl(t.projectPublicId, "minidump"), new Uint8Array(good.body), { "content-type": good.contentType })).status).toBe(401);
    const [after] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect(after.n).toBe(before.n);
  });
});
