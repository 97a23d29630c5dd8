import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { minidumpUpload } from "@/e2e/support/minidumpUpload";
import { runSentryCli, sentryCliTarget, type SentryCliTarget } from "@/e2e/support/sentryCliRunner";
import { BASE_URL, createTenant, getJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { HARBOR_SYM } from "@/lib/native/__fixtures__/harborSymbols";
import { nativeCrashEvent } from "@/lib/native/__fixtures__/nativeCrashEvent";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";

const HARBOR_ID = "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3";

type ShownFrame = { function?: string; module?: string; filename?: string; lineno?: number; instructionAddr?: string };

describe("Native symbolication: Breakpad symbol files name sentry-native's address-only frames", () => {
  let t: Tenant;
  let member: string;
  let cli: SentryCliTarget & { member: string };

  /** A crash as sentry-native sends it, harbor loaded at `base`. */
  async function sendCrash(base?: bigint) {
    const eventId = newEventId();
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`), new Uint8Array(envelope({ event_id: eventId }, [{ type: "event", payload: JSON.stringify(nativeCrashEvent(eventId, base)) }])));
    expect(res.status).toBe(200);
    const [row] = await query<{ groupId: string }>(`SELECT "groupId"::text FROM "ErrorOccurrence" WHERE "projectId" = $1::uuid AND "eventId" = $2`, [t.projectId, eventId]);
    const event = await (await getJson(`/api/v1/errors/${row.groupId}/events/${eventId}`, { cookie: member })).json();
    return { groupId: row.groupId, event, frames: event.exceptions[0].frames as ShownFrame[] };
  }

  beforeAll(async () => {
    t = await createTenant("native-symbols");
    cli = await sentryCliTarget(t);
    member = cli.member;
  });

  it("symbolicates with the .sym `sentry-cli debug-files upload` sent: function, file, line, the inlined call; one issue across runs", async () => {
    // Before the upload: frames by address and binary, and the event says which symbols it lacks.
    const before = await sendCrash();
    expect(before.frames.at(-1)).toMatchObject({ module: "/opt/harbor/bin/harbor", instructionAddr: "0x55d0c1a01a55" });
    expect(before.frames.at(-1)?.function).toBeUndefined();
    expect(before.event.nativeSymbols).toEqual({
      symbolicated: [],
      missing: [HARBOR_ID, "c0bcc3f1-9827-fe65-3058-404b2831d9e6"],
      images: [
        { debugId: HARBOR_ID, imageAddr: "0x55d0c1a00000" },
        { debugId: "c0bcc3f1-9827-fe65-3058-404b2831d9e6", imageAddr: "0x7f3c8b000000" },
      ],
      symbolicatedWhenViewed: [],
    });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-native-"));
    fs.writeFileSync(path.join(dir, "harbor.sym"), HARBOR_SYM);
    const upload = runSentryCli(cli, ["debug-files", "upload", "harbor.sym"], dir);
    expect(upload.status, `${upload.stdout}\n${upload.stderr}`).toBe(0);
    const listed = await api("GET", `/api/v1/projects/${t.projectId}/native-symbols`, member);
    expect(listed.body.items).toEqual([{ debugId: HARBOR_ID, name: "harbor", os: "Linux", arch: "x86_64", size: Buffer.byteLength(HARBOR_SYM), functionCount: 2, createdAt: expect.any(String) }]);

    const crash = await sendCrash();
    expect(crash.frames.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      [undefined, undefined, undefined],
      ["main", "main.cc", 11],
      ["Dock::Berth(int)", "dock.cc", 42],
      ["std::vector<int, std::allocator<int> >::operator[](unsigned long)", "stl_vector.h", 1123],
    ]);
    expect(crash.event.nativeSymbols).toMatchObject({ symbolicated: [HARBOR_ID], missing: ["c0bcc3f1-9827-fe65-3058-404b2831d9e6"], symbolicatedWhenViewed: [] });
    // The crash that arrived before the upload reads symbolicated now; it stays in the issue it was grouped into.
    const reread = await (await getJson(`/api/v1/errors/${before.groupId}/events/${before.event.eventId}`, { cookie: member })).json();
    expect(reread.exceptions[0].frames.at(-2)).toMatchObject({ function: "Dock::Berth(int)", lineno: 42 });
    expect(reread.nativeSymbols).toMatchObject({ missing: ["c0bcc3f1-9827-fe65-3058-404b2831d9e6"], symbolicatedWhenViewed: [HARBOR_ID] });
    // Symbolicated, the crash groups on its functions: another run (another load address) is the same issue.
    expect(crash.groupId).not.toBe(before.groupId);
    expect((await sendCrash(0x5611aa000000n)).groupId).toBe(crash.groupId);
  });

  it("names a Crashpad minidump's crash frame by the crash module's build ID", async () => {
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 8n, pc: 0x55d0c1a01a44n, modules: [{ name: "/opt/harbor/bin/harbor", base: 0x55d0c1a00000n, size: 0x10000, elfBuildId: "680e5a3ebed46f8e2f011bf9c5c8f5b3b1d2e3f4" }] });
    const { body, contentType } = minidumpUpload({ "sentry[release]": "harbor@2.0.0" }, dump);
    const res = await postRaw(sentryUrl(t.projectPublicId, "minidump", `sentry_key=${t.key}`), new Uint8Array(body), { "content-type": contentType });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const [row] = await query<{ groupId: string }>(`SELECT "groupId"::text FROM "ErrorOccurrence" WHERE "projectId" = $1::uuid AND "eventId" = $2`, [t.projectId, id]);
    const event = await (await getJson(`/api/v1/errors/${row.groupId}/events/${id}`, { cookie: member })).json();
    expect(event.type).toBe("SIGSEGV");
    expect(event.exceptions[0].frames).toEqual([expect.objectContaining({ function: "Dock::Berth(int)", filename: "dock.cc", lineno: 40 })]);
  });

  it("symbolicates a native API event naming its binary in Breakpad's form of the debug ID", async () => {
    const res = await postEvents(t.key, {
      type: "SIGABRT",
      message: "assertion failed in the docking system",
      platform: "native",
      stackTrace: [{ instructionAddr: "0x7f0000001ab5", imageAddr: "0x7f0000000000" }, { instructionAddr: "0x7f0000001a44", imageAddr: "0x7f0000000000" }],
      nativeImages: [{ debugId: "3E5A0E68D4BE8E6F2F011BF9C5C8F5B30", imageAddr: "0x7f0000000000" }],
    });
    expect(res.status).toBe(202);
    const { accepted } = (await res.json()) as { accepted: { groupId: string; eventId: string }[] };
    const event = await (await getJson(`/api/v1/errors/${accepted[0].groupId}/events/${accepted[0].eventId}`, { cookie: member })).json();
    expect(event.exceptions[0].frames.map((f: ShownFrame) => [f.function, f.lineno])).toEqual([
      ["main", 11],
      ["Dock::Berth(int)", 40],
    ]);
  });

  it("takes a .sym over the native API (gzip allowed), refuses what is not one, and deletes", async () => {
    const other = HARBOR_SYM.replace("3E5A0E68D4BE8E6F2F011BF9C5C8F5B30", "9B7A3C1E5D4F4A2B8C6D1A2B3C4D5E6F1").replace(" harbor\n", " harbor.pdb\n");
    const res = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/native-symbols`, { method: "POST", headers: { cookie: member, "content-encoding": "gzip" }, body: new Uint8Array(gzipSync(other)) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ debugId: "9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1", name: "harbor.pdb" });
    const bad = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/native-symbols`, { method: "POST", headers: { cookie: member }, body: "PK\u0003\u0004 a zip, not symbols" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("body");
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/native-symbols/9B7A3C1E5D4F4A2B8C6D1A2B3C4D5E6F1`, member)).status).toBe(204);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}/native-symbols/9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1`, member)).status).toBe(404);
  });
});
