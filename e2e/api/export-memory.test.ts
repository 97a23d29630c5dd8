// @serial-db: seeds 100,000 occurrences and measures the app's memory, so it runs alone.
import { beforeAll, describe, expect, it } from "vitest";
import { appRssBytes } from "@/e2e/support/appMemory";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

const EVENTS = 100_000;
const MESSAGE_CHARS = 1400;
const MB = 1024 * 1024;

describe("exporting 100,000 events streams with bounded memory", () => {
  let t: Tenant;
  let cookie: string;
  let issueId: string;

  beforeAll(async () => {
    t = await createTenant("export-100k");
    cookie = await login(t.member);
    const res = await postEvents(t.key, { type: "HugeExportError", message: "seed", severity: "high" });
    issueId = (await res.json()).accepted[0].groupId;
    // Seeded in SQL: 100k occurrences of ~2.5 KB each (a ~250 MB export).
    await query(
      `INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", severity, message, "stackTrace", environment, release, "userId", tags, metadata)
       SELECT gen_random_uuid(), $1, $2, $3, 'bulk-' || i, now() - i * interval '1 second', 'high',
         i || ' ' || repeat('message text, "quoted" ', $4 / 23), repeat('    at frame (/srv/app/src/file.ts:1:1)' || chr(10), 25),
         CASE WHEN i % 2 = 0 THEN 'production' ELSE 'staging' END, 'api@1.0.' || (i % 7), 'user-' || (i % 1000),
         jsonb_build_object('route', '/r/' || (i % 50)), jsonb_build_object('orderId', i)
       FROM generate_series(1, $5::int) AS i`,
      [issueId, t.projectId, t.workspaceId, MESSAGE_CHARS, EVENTS],
    );
  }, 300_000);

  it("keeps the app's RSS flat while streaming ~250 MB of CSV", async () => {
    // Warm up the route (code loaded, pools connected) before the baseline.
    await (await getJson(`/api/v1/errors/${issueId}/events/export?format=csv&environment=none`, { cookie })).text();
    const baseline = await appRssBytes();
    const started = Date.now();
    const res = await getJson(`/api/v1/errors/${issueId}/events/export?format=csv`, { cookie });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let records = 0;
    let peak = baseline;
    let nextSample = 0;
    let firstChunkAt: number | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      firstChunkAt ??= Date.now() - started;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 0x0d) records++;
      if (bytes >= nextSample) {
        peak = Math.max(peak, await appRssBytes());
        nextSample += 16 * MB;
      }
    }
    peak = Math.max(peak, await appRssBytes());
    const seconds = (Date.now() - started) / 1000;
    const growth = peak - baseline;
    console.log(
      `export 100k: ${(bytes / MB).toFixed(0)} MB in ${seconds.toFixed(1)} s (${(bytes / MB / seconds).toFixed(1)} MB/s), first bytes after ${firstChunkAt} ms; ` +
        `app RSS ${(baseline / MB).toFixed(0)} MB → peak ${(peak / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB)`,
    );
    // Records end with CRLF; the stack traces inside quoted fields only hold LF: header + seed + 100k.
    expect(bytes).toBeGreaterThan(200 * MB);
    expect(records).toBe(EVENTS + 2);
    // Buffering the export would hold it whole (≥ 200 MB, twice that as JS strings); streaming keeps
    // the growth to two pages and the GC's slack (≈ 10–30 MB measured).
    expect(growth).toBeLessThan(100 * MB);
  }, 600_000);
});
