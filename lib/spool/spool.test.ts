import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { fuzzParams } from "@/lib/fuzz/fuzzSettings";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { PROJECT_NOT_FOUND, replaySpool, roundsOf, type PrepareFn, type StoreFn } from "@/lib/spool/replaySpool";
import { Spool, SpoolFullError } from "@/lib/spool/spool";
import type { SpoolEntry } from "@/lib/spool/spoolEntry";
import { decodeFrames, encodeFrame } from "@/lib/spool/spoolFrame";

const spools: Spool[] = [];
function tmpSpool(maxBytes = 10 * 1024 * 1024, segmentBytes?: number) {
  const spool = new Spool({ dir: fs.mkdtempSync(path.join(os.tmpdir(), "spool-")), maxBytes, segmentBytes });
  spools.push(spool);
  return spool;
}
/** A second process's view of `spool`'s folder (another instance sharing it), storing into `identity`. */
function sharing(spool: Spool, identity?: string) {
  const other = new Spool({ dir: spool.dir, maxBytes: spool.maxBytes, identity });
  spools.push(other);
  return other;
}
afterEach(async () => {
  // Sealing closes a segment a test left open (its file handle would otherwise be closed by the GC).
  for (const spool of spools.splice(0)) {
    await spool.seal();
    fs.rmSync(spool.dir, { recursive: true, force: true });
  }
});

const target = { workspaceId: "w1", projectId: "p1" };
const event = (eventId: string) => ({ eventId, type: "E", message: "m", occurredAt: new Date("2026-01-01T00:00:00Z") }) as unknown as PreparedEvent;
const entry = (ids: string[], t = target): SpoolEntry => ({ id: randomUUID(), at: new Date().toISOString(), target: t, events: ids.map(event) });
const unavailable = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const isRetryable = (e: unknown) => (e as { code?: string }).code === "ECONNREFUSED";
const nothingUnprepared = async (): Promise<SpoolEntry> => {
  throw new Error("nothing was spooled as received");
};
const eventsOnly = (events: StoreFn, prepare: PrepareFn = nothingUnprepared) => ({
  events,
  items: async () => {
    throw new Error("no feedback or check-ins were spooled");
  },
  prepare,
});

describe("Spool", () => {
  it("keeps concurrent appends, in order, across segments, until replayed", async () => {
    const spool = tmpSpool(10 * 1024 * 1024, 2_000);
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => spool.append(entry([`e${round * 10 + i}`]))));
    }
    expect(spool.isEmpty()).toBe(false);
    const stored: string[] = [];
    const result = await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
    expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => `e${i}`));
    expect(result.segments).toBeGreaterThan(1);
    expect(spool.isEmpty()).toBe(true);
    expect(fs.readdirSync(spool.dir).filter((f) => !f.startsWith("dead"))).toEqual([]);
  });

  it("revives dates and groups consecutive records of one project into one store call", async () => {
    const spool = tmpSpool();
    await spool.append(entry(["a", "b"]));
    await spool.append(entry(["c"]));
    await spool.append(entry(["d"], { workspaceId: "w2", projectId: "p2" }));
    const calls: { projectId: string; ids: string[]; dates: boolean }[] = [];
    await replaySpool(spool, eventsOnly(async (t, events) => void calls.push({ projectId: t.projectId, ids: events.map((e) => e.eventId), dates: events.every((e) => e.occurredAt instanceof Date) })), isRetryable);
    expect(calls).toEqual([
      { projectId: "p1", ids: ["a", "b", "c"], dates: true },
      { projectId: "p2", ids: ["d"], dates: true },
    ]);
  });

  it("stores interleaved projects side by side, each project's records in order", async () => {
    const spool = tmpSpool();
    const p2 = { workspaceId: "w2", projectId: "p2" };
    for (const [id, t] of [["a", target], ["b", p2], ["c", target], ["d", p2], ["e", target]] as const) await spool.append(entry([id], t));
    const calls: { projectId: string; ids: string[] }[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const result = await replaySpool(
      spool,
      eventsOnly(async (t, events) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        calls.push({ projectId: t.projectId, ids: events.map((e) => e.eventId) });
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
      }),
      isRetryable,
    );
    expect(calls).toEqual([
      { projectId: "p1", ids: ["a", "c", "e"] },
      { projectId: "p2", ids: ["b", "d"] },
    ]);
    // Both projects' stores were handed over together (the group commit then shares a transaction).
    expect(mostInFlight).toBe(2);
    expect(result).toMatchObject({ records: 5, events: 5 });
  });

  it("cuts a project's records into chunks of at most 1,000 events, every project's k-th chunk in round k", () => {
    const p2 = { workspaceId: "w2", projectId: "p2" };
    const many = (prefix: string, n: number, t = target) => entry(Array.from({ length: n }, (_, i) => `${prefix}${i}`), t);
    const rounds = roundsOf([many("a", 600), many("b", 1), many("c", 400), many("d", 700), many("e", 1, p2), many("f", 2_000)]);
    expect(rounds.map((round) => round.map((chunk) => chunk.map((e) => e.events.length)))).toEqual([
      [[600, 1], [1]],
      [[400]],
      [[700]],
      [[2_000]],
    ]);
  });

  it("replays each record's sampling decision with its events (keep flags in order, the cap)", async () => {
    const spool = tmpSpool();
    await spool.append({ ...entry(["a", "b"]), options: { store: [true, false], issueCap: { maxEvents: 100, keepOneIn: 10 } } });
    await spool.append(entry(["c"]));
    await spool.append({ ...entry(["d", "e"]), options: { store: [false, true] } });
    const calls: unknown[] = [];
    await replaySpool(spool, eventsOnly(async (_t, events, options) => void calls.push({ ids: events.map((e) => e.eventId), options })), isRetryable);
    expect(calls).toEqual([{ ids: ["a", "b", "c", "d", "e"], options: { store: [true, false, true, false, true], issueCap: { maxEvents: 100, keepOneIn: 10 } } }]);
  });

  it("replays feedback, check-ins and counts as of their receive time, under their record's id, after the events spooled with or before them", async () => {
    const spool = tmpSpool();
    const feedback = { key: "report:a", eventId: "a", name: "N", email: null, comments: "broke", url: null, source: "user_report" };
    const checkIn = { checkInId: randomUUID(), latest: false, slug: "nightly", status: "ok", durationMs: 5, environment: "production", release: null, settings: null };
    await spool.append(entry(["a"]));
    const sessions = [{ minute: "2026-11-30T10:00:00.000Z", environment: "production", ok: 3, errored: 1, crashed: 0 }];
    await spool.append({ ...entry([]), id: "r1", at: "2026-11-30T10:00:00.000Z", feedback: [feedback] } as SpoolEntry);
    await spool.append({ ...entry([]), id: "r2", at: "2026-11-30T10:00:01.000Z", checkIns: [checkIn], sessions } as SpoolEntry);
    const calls: unknown[] = [];
    await replaySpool(
      spool,
      {
        events: async (_t, events) => void calls.push(["events", events.map((e) => e.eventId)]),
        items: async (t, items, receivedAt, recordId) => void calls.push(["items", t.projectId, items, receivedAt.toISOString(), recordId]),
        prepare: nothingUnprepared,
      },
      isRetryable,
    );
    expect(calls).toEqual([
      ["events", ["a"]],
      ["items", "p1", { feedback: [feedback] }, "2026-11-30T10:00:00.000Z", "r1"],
      ["items", "p1", { checkIns: [checkIn], sessions }, "2026-11-30T10:00:01.000Z", "r2"],
    ]);
    expect(spool.isEmpty()).toBe(true);
  });

  it("keeps a sealed segment whose close finishes after the next segment was opened by a new append", async () => {
    const spool = tmpSpool();
    await spool.append(entry(["before-seal"]));
    // The open segment's close is slow: it finishes only once the append below has opened the next
    // segment (a second .open file), before that append has written anything to it.
    const internals = spool as unknown as { handle: fs.promises.FileHandle };
    const close = internals.handle.close.bind(internals.handle);
    internals.handle.close = async () => {
      while (fs.readdirSync(spool.dir).filter((f) => f.endsWith(".open")).length < 2) await new Promise((r) => setImmediate(r));
      return close();
    };
    const sealing = spool.seal();
    const appending = spool.append(entry(["after-seal"]));
    await Promise.all([sealing, appending]);
    const stored: string[] = [];
    await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
    expect(stored).toEqual(["before-seal", "after-seal"]);
  });

  it("replays a full segment whose seal failed (a disk error on close and rename) from where it was written; appends go on", async () => {
    const spool = tmpSpool();
    const internals = spool as unknown as { handle: fs.promises.FileHandle; segmentBytes: number };
    await spool.append(entry(["first"]));
    internals.segmentBytes = 1; // the next append fills the segment, which is then sealed
    internals.handle.close = async () => {
      throw Object.assign(new Error("EIO: i/o error, close"), { code: "EIO" });
    };
    const rename = fs.promises.rename;
    fs.promises.rename = async () => {
      throw Object.assign(new Error("EIO: i/o error, rename"), { code: "EIO" });
    };
    try {
      // The segment is sealed after this append, and the seal fails.
      await spool.append(entry(["second"]));
    } finally {
      fs.promises.rename = rename;
    }
    expect(fs.readdirSync(spool.dir).filter((f) => f.endsWith(".open"))).toHaveLength(1);
    await spool.append(entry(["third"]));
    const stored: string[] = [];
    await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
    expect(stored).toEqual(["first", "second", "third"]);
    expect(spool.isEmpty()).toBe(true);
  });

  it("refuses appends past its size bound", async () => {
    const spool = tmpSpool(600);
    await spool.append(entry(["first"]));
    await expect(spool.append(entry(Array.from({ length: 20 }, (_, i) => `big-${i}`)))).rejects.toBeInstanceOf(SpoolFullError);
  });

  it("stops when the database goes away again and replays the segment exactly once later", async () => {
    const spool = tmpSpool();
    for (let i = 0; i < 5; i++) await spool.append(entry([`e${i}`], { workspaceId: "w", projectId: `p${i % 2}` }));
    const stored = new Set<string>();
    let calls = 0;
    const flaky = async (_t: unknown, events: PreparedEvent[]) => {
      if (++calls === 2) throw unavailable;
      events.forEach((e) => stored.add(e.eventId)); // idempotent on event id, like storeEvents
    };
    await expect(replaySpool(spool, eventsOnly(flaky), isRetryable)).rejects.toBe(unavailable);
    expect(spool.isEmpty()).toBe(false);
    await replaySpool(spool, eventsOnly(flaky), isRetryable);
    expect([...stored].sort()).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(spool.isEmpty()).toBe(true);
  });

  it("prepares a record spooled as received before storing it, in order; waits while it cannot be prepared; puts aside one that never can", async () => {
    const spool = tmpSpool();
    const raw = (eventId: string, t = target): SpoolEntry => ({
      ...entry([], t),
      unprepared: { events: [{ eventId, type: "E", message: `raw ${eventId}` } as IngestEvent], receivedAt: "2026-01-01T00:00:00.000Z" },
      options: { store: [false] },
    });
    await spool.append(entry(["before"]));
    await spool.append(raw("raw-1"));
    await spool.append(raw("raw-gone", { workspaceId: "w", projectId: "gone" }));
    await spool.append(entry(["after"]));
    let settingsReadable = false;
    const prepared: string[] = [];
    const prepare: PrepareFn = async (e) => {
      if (!settingsReadable) throw unavailable;
      if (e.target.projectId === "gone") throw new Error("project deleted");
      const ids = e.unprepared!.events.map((x) => x.eventId!);
      prepared.push(...ids);
      return { id: e.id, at: e.at, target: e.target, events: ids.map((id) => event(`${id}-prepared`)), options: e.options };
    };
    const calls: { ids: string[]; store?: boolean[] }[] = [];
    const store: StoreFn = async (_t, events, options) => void calls.push({ ids: events.map((e) => e.eventId), store: options.store });
    // The settings cannot be read yet: nothing is stored, the segment stays for the next turn.
    await expect(replaySpool(spool, eventsOnly(store, prepare), isRetryable)).rejects.toBe(unavailable);
    expect(calls).toEqual([]);
    expect(spool.isEmpty()).toBe(false);
    settingsReadable = true;
    const result = await replaySpool(spool, eventsOnly(store, prepare), isRetryable);
    expect(prepared).toEqual(["raw-1"]);
    expect(calls.flatMap((c) => c.ids)).toEqual(["before", "raw-1-prepared", "after"]);
    // The receive-time keep decision travels with the prepared events.
    expect(calls.find((c) => c.ids.includes("raw-1-prepared"))?.store).toEqual([true, false, true]);
    expect(result.putAside).toBe(1);
    expect(spool.isEmpty()).toBe(true);
  });

  it("puts aside a record whose project this database does not have as such, not as 'being deleted'", async () => {
    const spool = tmpSpool();
    await spool.append(entry(["orphan"], { workspaceId: "w", projectId: "elsewhere" }));
    await replaySpool(
      spool,
      eventsOnly(async () => {
        throw Object.assign(new Error("the project is being deleted"), { code: "project_gone" });
      }),
      isRetryable,
    );
    const [file] = fs.readdirSync(path.join(spool.dir, "dead-letter"));
    expect(JSON.parse(fs.readFileSync(path.join(spool.dir, "dead-letter", file), "utf8")).reason).toBe(PROJECT_NOT_FOUND);
    expect(PROJECT_NOT_FOUND).toMatch(/^project not found in this database/);
  });

  it("puts aside a record that can never be stored and goes on", async () => {
    const spool = tmpSpool();
    await spool.append(entry(["ok1"]));
    await spool.append(entry(["bad"], { workspaceId: "w", projectId: "gone" }));
    await spool.append(entry(["ok2"]));
    const stored: string[] = [];
    const result = await replaySpool(
      spool,
      eventsOnly(async (t, events) => {
        if (t.projectId === "gone") throw Object.assign(new Error("foreign key"), { code: "23503" });
        stored.push(...events.map((e) => e.eventId));
      }),
      isRetryable,
    );
    expect(stored).toEqual(["ok1", "ok2"]);
    expect(result.putAside).toBe(1);
    expect(fs.readdirSync(path.join(spool.dir, "dead-letter"))).toHaveLength(1);
  });

  it("replays segments left by a process that died, and ignores a torn last record", async () => {
    const spool = tmpSpool();
    const frames = Buffer.concat([encodeFrame(Buffer.from(JSON.stringify(entry(["left-1"])))), encodeFrame(Buffer.from(JSON.stringify(entry(["left-2"]))))]);
    // A dead writer's open segment whose last append was cut short by the crash.
    fs.writeFileSync(path.join(spool.dir, `${String(Date.now() - 1000).padStart(16, "0")}-999999-0.open`), Buffer.concat([frames, Buffer.from([0, 0, 0, 40, 1, 2])]));
    spool.rescan();
    const stored: string[] = [];
    await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
    expect(stored).toEqual(["left-1", "left-2"]);
    expect(spool.isEmpty()).toBe(true);
  });

  describe("a dead writer's open segment under a pid that runs again", () => {
    const leftOpen = (spool: Spool, pid: number, ageMs: number, ids: string[]) => {
      const name = `${String(Date.now() - ageMs).padStart(16, "0")}-${pid}-0.open`;
      fs.writeFileSync(path.join(spool.dir, name), Buffer.concat(ids.map((id) => encodeFrame(Buffer.from(JSON.stringify(entry([id])))))));
      return name;
    };
    const replayed = async (spool: Spool) => {
      spool.rescan();
      const stored: string[] = [];
      await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
      return stored;
    };
    let child: ChildProcess | undefined;
    afterEach(() => void child?.kill());

    it("replays a segment written under this process's own pid by an earlier process (a restarted container)", async () => {
      const spool = tmpSpool();
      leftOpen(spool, process.pid, 5_000, ["before-restart-1", "before-restart-2"]);
      await spool.append(entry(["after-restart"]));
      expect(await replayed(spool)).toEqual(["before-restart-1", "before-restart-2", "after-restart"]);
      expect(spool.isEmpty()).toBe(true);
    });

    it("replays a segment whose pid now belongs to a process started after it was written, and leaves a live writer's alone", async () => {
      child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
      const pid = child.pid!;
      const spool = tmpSpool();
      leftOpen(spool, pid, 60_000, ["reused-pid"]);
      const live = leftOpen(spool, pid, -60_000, ["live-writer"]);
      expect(await replayed(spool)).toEqual(["reused-pid"]);
      expect(fs.readdirSync(spool.dir)).toContain(live);
      child.kill();
      await new Promise((resolve) => child!.once("exit", resolve));
      expect(await replayed(spool)).toEqual(["live-writer"]);
    });
  });
});

describe("a spool folder shared by instances on different databases", () => {
  const A = "aaaaaaaaaaaaaaaa";
  const B = "bbbbbbbbbbbbbbbb";
  const collect = (into: string[]) => eventsOnly(async (_t, events) => void into.push(...events.map((e) => e.eventId)));
  const segments = (dir: string) => fs.readdirSync(dir).filter((f) => f !== "dead-letter");

  it("replays each database's segments into that database only, never putting the other's aside", async () => {
    const onA = tmpSpool();
    onA.identify(A);
    const onB = sharing(onA, B);
    await onA.append(entry(["a1"], { workspaceId: "wa", projectId: "pa" }));
    await onB.append(entry(["b1"], { workspaceId: "wb", projectId: "pb" }));
    await onA.seal();
    await onB.seal();
    expect(segments(onA.dir).sort()).toEqual([expect.stringMatching(new RegExp(`@${A}\\.spool$`)), expect.stringMatching(new RegExp(`@${B}\\.spool$`))].sort());
    // A's replayer would have found B's project missing in A's database: it must not see B's records at all.
    const intoA: string[] = [];
    const resultA = await replaySpool(onA, collect(intoA), isRetryable);
    expect(intoA).toEqual(["a1"]);
    expect(resultA.putAside).toBe(0);
    expect(fs.existsSync(path.join(onA.dir, "dead-letter"))).toBe(false);
    // B's segment is left, and does not keep A spooling: A's part of the folder is empty.
    expect(onA.isEmpty()).toBe(true);
    expect(onA.bytes()).toBe(0);
    expect(onA.directoryBytes()).toBeGreaterThan(0);
    expect(onA.otherDatabasesSegments()).toBe(1);
    const intoB: string[] = [];
    await replaySpool(onB, collect(intoB), isRetryable);
    expect(intoB).toEqual(["b1"]);
    expect(segments(onA.dir)).toEqual([]);
  });

  it("leaves a dead writer's segment of another database for an instance on that database", async () => {
    const onA = tmpSpool();
    onA.identify(A);
    const name = `${String(Date.now() - 1000).padStart(16, "0")}-999999-0@${B}.open`;
    fs.writeFileSync(path.join(onA.dir, name), encodeFrame(Buffer.from(JSON.stringify(entry(["b-left"])))));
    onA.rescan();
    const intoA: string[] = [];
    await replaySpool(onA, collect(intoA), isRetryable);
    expect(intoA).toEqual([]);
    expect(segments(onA.dir)).toEqual([name]);
    const intoB: string[] = [];
    await replaySpool(sharing(onA, B), collect(intoB), isRetryable);
    expect(intoB).toEqual(["b-left"]);
  });

  it("stamps a segment opened before the database was known when it is sealed, so another database's replayer leaves it", async () => {
    const early = tmpSpool();
    await early.append(entry(["before-known"]));
    expect(segments(early.dir)).toEqual([expect.stringMatching(/^\d{16}-\d+-\d+\.open$/)]);
    early.identify(A);
    await early.append(entry(["after-known"]));
    await early.seal();
    expect(segments(early.dir)).toEqual([expect.stringMatching(new RegExp(`@${A}\\.spool$`))]);
    const intoB: string[] = [];
    await replaySpool(sharing(early, B), collect(intoB), isRetryable);
    expect(intoB).toEqual([]);
    const intoA: string[] = [];
    await replaySpool(early, collect(intoA), isRetryable);
    expect(intoA).toEqual(["before-known", "after-known"]);
  });

  it("replays a segment without a database (an earlier version's) on whichever database claims it first", async () => {
    const onA = tmpSpool();
    onA.identify(A);
    fs.writeFileSync(path.join(onA.dir, `${String(Date.now() - 1000).padStart(16, "0")}-999999-0.spool`), encodeFrame(Buffer.from(JSON.stringify(entry(["legacy"])))));
    onA.rescan();
    expect(onA.isEmpty()).toBe(false);
    const intoA: string[] = [];
    await replaySpool(onA, collect(intoA), isRetryable);
    expect(intoA).toEqual(["legacy"]);
  });

  it("counts other databases' segments against the directory's bound", async () => {
    const onA = tmpSpool(700);
    onA.identify(A);
    const onB = sharing(onA, B);
    await onB.append(entry(["b-big", "b-big-2", "b-big-3"]));
    await onB.seal();
    onA.rescan();
    await expect(onA.append(entry(Array.from({ length: 10 }, (_, i) => `a-${i}`)))).rejects.toBeInstanceOf(SpoolFullError);
  });
});

describe("replay while the database cannot store", () => {
  it("does not seal a new segment every turn while it is blocked (seal: false), and stores everything once it can", async () => {
    const spool = tmpSpool();
    spool.identify("cccccccccccccccc");
    let readOnly = true;
    const stored: string[] = [];
    const store = eventsOnly(async (_t, events) => {
      if (readOnly) throw unavailable;
      stored.push(...events.map((e) => e.eventId));
    });
    await spool.append(entry(["first"]));
    await expect(replaySpool(spool, store, isRetryable)).rejects.toBe(unavailable);
    // Turns while blocked: appends keep coming, every turn tries what is sealed and seals nothing new.
    for (let turn = 0; turn < 5; turn++) {
      await spool.append(entry([`during-${turn}`]));
      await expect(replaySpool(spool, store, isRetryable, { seal: false })).rejects.toBe(unavailable);
    }
    expect(fs.readdirSync(spool.dir).sort()).toEqual([expect.stringMatching(/\.replaying-\d+$/), expect.stringMatching(/\.open$/)]);
    expect(spool.oldestSegmentMs()).not.toBeNull();
    readOnly = false;
    await replaySpool(spool, store, isRetryable, { seal: false });
    await replaySpool(spool, store, isRetryable);
    expect(stored).toEqual(["first", "during-0", "during-1", "during-2", "during-3", "during-4"]);
    expect(spool.isEmpty()).toBe(true);
    expect(spool.oldestSegmentMs()).toBeNull();
  });

  it("remembers a failed write until replay frees space or a write succeeds", async () => {
    const spool = tmpSpool();
    await spool.append(entry(["ok"]));
    // The open segment's handle fails its next write (the disk filled up); the spool then closes it.
    const internals = spool as unknown as { handle: fs.promises.FileHandle };
    internals.handle.write = (async () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }) as typeof internals.handle.write;
    await expect(spool.append(entry(["refused"]))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(spool.lastWriteFailureMs()).not.toBeNull();
    // Sealed and stored: the space it took is free again.
    const stored: string[] = [];
    await replaySpool(spool, eventsOnly(async (_t, events) => void stored.push(...events.map((e) => e.eventId))), isRetryable);
    expect(stored).toEqual(["ok"]);
    expect(spool.lastWriteFailureMs()).toBeNull();
    await spool.append(entry(["room-again"]));
    expect(spool.lastWriteFailureMs()).toBeNull();
  });
});

describe("spool frames (fuzz)", () => {
  it("decode never throws, and round-trips what was encoded", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), fc.uint8Array({ maxLength: 30 }), (payloads, garbage) => {
        const data = Buffer.concat([...payloads.map((p) => encodeFrame(Buffer.from(p))), Buffer.from(garbage)]);
        const decoded = decodeFrames(data);
        expect(decoded.payloads.slice(0, payloads.length).map((p) => [...p])).toEqual(payloads.map((p) => [...p]));
        expect(decodeFrames(Buffer.from(garbage)).validBytes).toBeLessThanOrEqual(garbage.length);
      }),
      fuzzParams(),
    );
  });
});
