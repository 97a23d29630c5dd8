import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { postRaw } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import type { AttachmentSummary } from "@/lib/attachments/attachmentSummary";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { buildUnrealCrash, harborReportFiles, type HarborReport } from "@/lib/sentry/__fixtures__/buildUnrealCrash";

let t: Tenant;
let viewer: string;

/** The endpoint the Crash Report Client's DataRouterUrl names, with the query parameters it adds. */
const unrealUrl = (key: string, publicId: number = t.projectPublicId) => `${BASE_URL}/api/${publicId}/unreal/${key}/?AppID=CrashReporter&AppVersion=5.4.4-35576357%2B%2B%2BUE5%2BRelease-5.4&AppEnvironment=Release&UploadType=crashreports&UserID=a1b2c3d4`;
const send = (report: HarborReport, key = t.key, layout: "cr1" | "legacy" = "cr1") =>
  postRaw(unrealUrl(key), new Uint8Array(buildUnrealCrash({ files: harborReportFiles(report), layout })), { "content-type": "application/octet-stream", "user-agent": "CrashReportClient/++UE5+Release-5.4-CL-35576357" });
const dump = buildMinidump({ arch: 9, platform: 2, exceptionCode: 0xc0000005, information: 0n, address: 8n, pc: 0x140001234n, modules: [{ name: "C:\\Games\\Harbor\\HarborGame.exe", base: 0x140000000n, size: 0x100000 }] });

async function occurrencesOf(eventId: string) {
  return query<{ groupId: string; type: string; message: string; severity: string; release: string | null }>(
    `SELECT o."groupId", g.type, g.message, o.severity::text AS severity, o.release FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o."eventId" = $2`,
    [t.projectId, eventId],
  );
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, { headers: { cookie: viewer } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  t = await createTenant("unreal");
  viewer = await login(t.viewer);
});

describe("Unreal Engine Crash Report Client endpoint", () => {
  it("stores an assert's report as one event: title, stack, files attached, the player's words as feedback; a re-sent report once", async () => {
    const guid = "5A1E0C0FFEE0C0FFEE0C0FFEE0C0FFEE";
    const report: HarborReport = { guid, minidump: dump, userDescription: "Crashed while docking the ferry", sentryScope: { release: "harbor@1.4.0", environment: "playtest" } };
    const res = await send(report);
    expect(res.status).toBe(200);
    const eventId = guid.toLowerCase();
    expect(await res.json()).toEqual({ id: eventId });
    expect((await send(report, t.key, "legacy")).status).toBe(200);

    const rows = await occurrencesOf(eventId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "Assertion failed", severity: "critical", release: "harbor@1.4.0" });
    expect(rows[0].message).toContain("Ship != nullptr");

    const event = await get<{ exceptions: { frames: { function?: string; inApp?: boolean; lineno?: number }[] }[]; attachments: AttachmentSummary[]; environment: string }>(`/api/v1/errors/${rows[0].groupId}/events/${eventId}`);
    expect(event.environment).toBe("playtest");
    expect(event.exceptions[0].frames.at(-2)).toMatchObject({ function: "ADock::Berth()", inApp: true, lineno: 42 });
    expect(event.attachments.map((a) => [a.filename, a.attachmentType])).toEqual(
      expect.arrayContaining([
        ["CrashContext.runtime-xml", "event.attachment"],
        ["HarborGame.log", "event.attachment"],
        ["UEMinidump.dmp", "event.minidump"],
      ]),
    );
    const minidump = event.attachments.find((a) => a.filename === "UEMinidump.dmp")!;
    const downloaded = await fetch(`${BASE_URL}/api/v1/attachments/${minidump.id}`, { headers: { cookie: viewer } });
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(dump)).toBe(true);

    const feedback = await get<{ items: { comments: string }[] }>(`/api/v1/errors/${rows[0].groupId}/feedback`);
    expect(feedback.items.map((f) => f.comments)).toEqual(["Crashed while docking the ferry"]);
  });

  it("groups the same assert from a patched build with the first, and keeps another crash apart", async () => {
    const a = "6A1E0C0FFEE0C0FFEE0C0FFEE0C0FFEE";
    const b = "7A1E0C0FFEE0C0FFEE0C0FFEE0C0FFEE";
    const c = "8A1E0C0FFEE0C0FFEE0C0FFEE0C0FFEE";
    expect((await send({ guid: a })).status).toBe(200);
    expect((await send({ guid: b, line: 51 })).status).toBe(200);
    expect((await send({ guid: c, callStack: "", crashType: "Crash", errorMessage: "Unhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x0000000000000008", minidump: dump })).status).toBe(200);
    const [[first], [patched], [crash]] = await Promise.all([a, b, c].map((id) => occurrencesOf(id.toLowerCase())));
    expect(patched.groupId).toBe(first.groupId);
    expect(crash).toMatchObject({ type: "EXCEPTION_ACCESS_VIOLATION", severity: "critical" });
    expect(crash.groupId).not.toBe(first.groupId);
  });

  it("403 for a wrong key, 404 for an unknown project, 400 naming the body for what is not a report; nothing stored", async () => {
    const [before] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect((await send({ guid: "9A1E0C0FFEE0C0FFEE0C0FFEE0C0FFEE" }, "not-the-key")).status).toBe(403);
    const unknown = await postRaw(unrealUrl(t.key, 987654321), new Uint8Array(buildUnrealCrash({ files: harborReportFiles() })));
    expect(unknown.status).toBe(404);
    // Zeros decompress into an empty legacy report: no files, no CrashContext — not a crash to page anyone about.
    for (const body of [Buffer.from("not a crash report"), Buffer.alloc(0), deflateSync(Buffer.alloc(32)), deflateSync(Buffer.alloc(1024 * 1024)), buildUnrealCrash({ files: [] })]) {
      const res = await postRaw(unrealUrl(t.key), new Uint8Array(body), { "content-type": "application/octet-stream" });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { field: "body" } });
    }
    const [after] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect(after.n).toBe(before.n);
  });
});
