import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { SpoolEntry } from "@/lib/spool/spoolEntry";
import { encodeFrame } from "@/lib/spool/spoolFrame";

/**
 * The replayer against a stand-in database (its probe, its identity and the store mocked), in a
 * folder laid out as `npm start` lays it out with the embedded database: the spool next to the data
 * directory, the earlier default `.faultline/spool` in the working directory.
 */
const A = "aaaaaaaaaaaaaaaa";
const B = "bbbbbbbbbbbbbbbb";
const db = vi.hoisted(() => ({ answers: true, readOnly: false, stored: [] as string[], identityReads: 0, refused: 0, unanswered: 0 }));
const unavailable = () => Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" });
vi.mock("@/lib/env", async (original) => ({ ...(await original<typeof import("@/lib/env")>()), env: () => ({ INGEST_ACK: "log" }) }));
vi.mock("@/lib/db/ping", () => ({
  pingDatabase: async () => {
    if (!db.answers) db.unanswered++;
    return db.answers;
  },
}));
vi.mock("@/lib/db/databaseIdentity", () => ({
  readDatabaseIdentity: async () => {
    db.identityReads++;
    return A;
  },
}));
vi.mock("@/lib/intake/storeAndFanOut", () => ({
  storeAndFanOutDirect: async (_target: unknown, events: PreparedEvent[]) => {
    if (db.readOnly) {
      db.refused++;
      throw unavailable();
    }
    db.stored.push(...events.map((e) => e.eventId));
  },
}));
vi.mock("@/lib/intake/storeNonEventItems", () => ({ storeNonEventItemsDirect: async () => undefined }));
vi.mock("@/lib/intake/prepareSpooled", () => ({ prepareSpooled: async (entry: SpoolEntry) => entry }));

const work = fs.mkdtempSync(path.join(os.tmpdir(), "replayer-"));
const earlierDir = path.join(work, ".faultline", "spool");
const record = (eventId: string): Buffer =>
  encodeFrame(Buffer.from(JSON.stringify({ id: randomUUID(), at: new Date().toISOString(), target: { workspaceId: "w", projectId: "p" }, events: [{ eventId, occurredAt: new Date().toISOString() }] })));
const segments = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(open|spool|replaying-\d+)$/.test(f));

vi.spyOn(process, "cwd").mockReturnValue(work);
process.env.FAULTLINE_EMBEDDED_DATABASE = "1";
process.env.FAULTLINE_DATA_DIR = path.join(work, ".faultline", "pgdata");
delete process.env.FAULTLINE_SPOOL_DIR;
// Left by an earlier version in the earlier default folder: a segment without a database, and one
// of another database (an instance on it shared the folder).
fs.mkdirSync(earlierDir, { recursive: true });
const old = String(Date.now() - 60_000).padStart(16, "0");
fs.writeFileSync(path.join(earlierDir, `${old}-999999-0.spool`), record("from-earlier-version"));
fs.writeFileSync(path.join(earlierDir, `${old}-999999-1@${B}.spool`), record("other-database"));

const { startSpoolReplayer, stopSpoolReplayer } = await import("@/lib/intake/spoolReplayer");
const { spoolRuntime, spoolStatus } = await import("@/lib/spool/spoolRuntime");
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 });

const append = (eventId: string) => spoolRuntime().spool.append({ id: randomUUID(), at: new Date().toISOString(), target: { workspaceId: "w", projectId: "p" }, events: [{ eventId, occurredAt: new Date() } as unknown as PreparedEvent] });

describe("the spool replayer", () => {
  beforeAll(() => startSpoolReplayer(5));
  afterAll(async () => {
    await stopSpoolReplayer();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("spools next to the embedded database's data directory, and replays the earlier default folder's segments of this database once", async () => {
    expect(spoolRuntime().spool.dir).toBe(path.join(work, ".faultline", "pgdata-spool"));
    await until(() => expect(db.stored).toContain("from-earlier-version"));
    expect(spoolRuntime().spool.identity).toBe(A);
    // Another database's segment is left where it is.
    await until(() => expect(segments(earlierDir)).toEqual([`${old}-999999-1@${B}.spool`]));
    expect(db.stored).not.toContain("other-database");
  });

  it("stamps what it spools with its database and stores it", async () => {
    await append("answered-1");
    expect(segments(spoolRuntime().spool.dir).every((name) => name.includes(`@${A}.`))).toBe(true);
    await until(() => expect(db.stored).toContain("answered-1"));
    await until(() => expect(spoolStatus().bytes).toBe(0));
  });

  it("says spooling while PostgreSQL answers its probe but cannot store (read-only), keeps one open segment meanwhile, and stores everything after", async () => {
    db.readOnly = true;
    await append("blocked-1");
    await until(() => expect(spoolStatus().spooling).toBe(true));
    const reads = db.identityReads;
    for (let i = 2; i <= 20; i++) {
      await append(`blocked-${i}`);
      // A turn that tried to store (and was refused) after each append.
      const refused = db.refused;
      await until(() => expect(db.refused).toBeGreaterThan(refused));
    }
    const dir = spoolRuntime().spool.dir;
    expect(segments(dir).length).toBeLessThanOrEqual(2);
    expect(segments(dir).every((name) => name.includes(`@${A}.`))).toBe(true);
    expect(db.identityReads).toBe(reads);
    db.readOnly = false;
    await until(() => expect(db.stored).toEqual(expect.arrayContaining(Array.from({ length: 20 }, (_, i) => `blocked-${i + 1}`))));
    await until(() => expect(spoolStatus().spooling).toBe(false));
  });

  it("reads the database's identity again after PostgreSQL was away", async () => {
    const reads = db.identityReads;
    db.answers = false;
    await append("during-outage");
    await until(() => expect(db.unanswered).toBeGreaterThan(0));
    db.answers = true;
    await until(() => expect(db.stored).toContain("during-outage"));
    expect(db.identityReads).toBe(reads + 1);
  });
});
