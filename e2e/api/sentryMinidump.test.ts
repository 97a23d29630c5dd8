import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { minidumpUpload } from "@/e2e/support/minidumpUpload";
import { createTenant, type Tenant } from "@/e2e/support/tenant";
import { buildMinidump, type MinidumpSpec } from "@/lib/sentry/__fixtures__/buildMinidump";

let t: Tenant;
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

beforeAll(async () => {
  t = await createTenant("minidump");
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

  it("answers 400 naming the field for a missing or unreadable dump, 401 without a key, and stores nothing", async () => {
    const [before] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    const noFile = minidumpUpload({ "sentry[release]": "x" }, null);
    const missing = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(noFile.body), { "content-type": noFile.contentType });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain("upload_file_minidump");
    const notDump = minidumpUpload({}, Buffer.from("this is not a minidump"));
    const unreadable = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(notDump.body), { "content-type": notDump.contentType });
    expect(unreadable.status).toBe(400);
    expect(JSON.stringify(await unreadable.json())).toContain("upload_file_minidump: not a minidump");
    const notMultipart = await postRaw(sentryUrl(t.projectPublicId, "minidump", auth()), new Uint8Array(buildMinidump(crash("/a/MyApp"))), { "content-type": "application/octet-stream" });
    expect(notMultipart.status).toBe(400);
    const good = minidumpUpload({}, buildMinidump(crash("/a/MyApp")));
    expect((await postRaw(sentryUrl(t.projectPublicId, "minidump"), new Uint8Array(good.body), { "content-type": good.contentType })).status).toBe(401);
    const [after] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect(after.n).toBe(before.n);
  });
});
