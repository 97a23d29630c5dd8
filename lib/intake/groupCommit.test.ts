import { describe, expect, it } from "vitest";
import { GroupCommit, type PendingWrite } from "@/lib/intake/groupCommit";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";

const target = (projectId: string): StoreTarget => ({ workspaceId: "w", projectId });
const events = (...ids: string[]) => ids.map((eventId) => ({ eventId, fingerprint: "f" }) as PreparedEvent);
const outcomeOf = (write: PendingWrite): StoreOutcome =>
  // A project being deleted ("gone"): nothing written, the writer told so (lib/ingest/storeEvents.ts writeEvents).
  write.target.projectId === "gone"
    ? { results: [], newGroupIds: [], regressedGroupIds: [], projectGone: true }
    : {
        results: write.events.map((e) => ({ eventId: e.eventId, groupId: `g-${write.target.projectId}`, duplicate: false })),
        newGroupIds: [`g-${write.target.projectId}`],
        regressedGroupIds: [],
      };

function harness(options = { maxWaitMs: 5, maxEvents: 100, maxConcurrent: 1 }) {
  const transactions: string[][] = [];
  const announced: { projectId: string; eventIds: string[] }[] = [];
  let gate: Promise<void> = Promise.resolve();
  const commit = new GroupCommit(
    {
      commitTogether: async (writes) => {
        transactions.push(writes.flatMap((w) => w.events.map((e) => e.eventId)));
        await gate;
        if (writes.some((w) => w.events.some((e) => e.eventId.startsWith("bad")))) throw new Error("invalid byte sequence");
        if (writes.some((w) => w.events.some((e) => e.eventId.startsWith("down")))) throw new Error("Connection terminated unexpectedly");
        return writes.map(outcomeOf);
      },
      commitAlone: async (write) => {
        transactions.push(write.events.map((e) => e.eventId));
        if (write.events.some((e) => e.eventId.startsWith("bad"))) throw new Error("invalid byte sequence");
        return outcomeOf(write);
      },
      onCommitted: (t, evts) => announced.push({ projectId: t.projectId, eventIds: evts.map((e) => e.eventId) }),
      isUnavailable: (error) => error instanceof Error && error.message.startsWith("Connection terminated"),
    },
    options,
  );
  return {
    commit,
    transactions,
    announced,
    hold: () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => release();
    },
  };
}

describe("GroupCommit", () => {
  it("commits a write at once when nothing is in flight", async () => {
    const h = harness();
    const pending = h.commit.write(target("p"), events("a"));
    expect(h.transactions).toEqual([["a"]]);
    expect((await pending).results[0].eventId).toBe("a");
  });

  it("starts the next transaction before answering the writers of the one that committed", async () => {
    const h = harness({ maxWaitMs: 5, maxEvents: 1, maxConcurrent: 1 });
    const release = h.hold();
    const first = h.commit.write(target("p"), events("a"));
    const second = h.commit.write(target("p"), events("b"));
    let transactionsWhenAnswered: string[][] = [];
    const answered = first.then(() => (transactionsWhenAnswered = h.transactions.map((t) => [...t])));
    release();
    await answered;
    expect(transactionsWhenAnswered).toEqual([["a"], ["b"]]);
    expect((await second).results[0].eventId).toBe("b");
  });

  it("puts writes that arrive during a transaction into the next one, and answers each with its own events", async () => {
    const h = harness();
    const release = h.hold();
    const first = h.commit.write(target("p"), events("a"));
    const rest = [h.commit.write(target("p"), events("b", "c")), h.commit.write(target("q"), events("d"))];
    release();
    await first;
    const [bc, d] = await Promise.all(rest);
    expect(h.transactions).toEqual([["a"], ["b", "c", "d"]]);
    expect(bc.results.map((r) => r.eventId)).toEqual(["b", "c"]);
    expect(d.results.map((r) => r.eventId)).toEqual(["d"]);
    // One announcement per project per transaction, events concatenated.
    expect(h.announced).toEqual([
      { projectId: "p", eventIds: ["a"] },
      { projectId: "p", eventIds: ["b", "c"] },
      { projectId: "q", eventIds: ["d"] },
    ]);
  });

  it("caps a transaction at maxEvents", async () => {
    const h = harness({ maxWaitMs: 5, maxEvents: 3, maxConcurrent: 1 });
    const release = h.hold();
    const all = [h.commit.write(target("p"), events("a")), h.commit.write(target("p"), events("b", "c")), h.commit.write(target("p"), events("d", "e"))];
    release();
    await Promise.all(all);
    expect(h.transactions).toEqual([["a"], ["b", "c"], ["d", "e"]]);
  });

  it("when a shared transaction fails, retries each write alone: only the bad one fails", async () => {
    const h = harness();
    const release = h.hold();
    const first = h.commit.write(target("p"), events("a"));
    const good = h.commit.write(target("p"), events("b"));
    // Settled into a value at once: the retry may reject it before `first` is answered.
    const bad = h.commit.write(target("p"), events("bad-1")).then(
      () => "stored",
      (error: Error) => error.message,
    );
    const alsoGood = h.commit.write(target("q"), events("c"));
    release();
    await first;
    expect(await bad).toBe("invalid byte sequence");
    expect((await good).results[0].eventId).toBe("b");
    expect((await alsoGood).results[0].eventId).toBe("c");
    expect(h.announced.map((a) => a.eventIds)).toEqual([["a"], ["b"], ["c"]]);
  });

  it("commits the other writes of a transaction holding a project being deleted, and announces none of its events", async () => {
    const h = harness();
    const release = h.hold();
    const first = h.commit.write(target("p"), events("a"));
    const rest = [h.commit.write(target("gone"), events("x", "y")), h.commit.write(target("q"), events("b"))];
    release();
    await first;
    const [gone, kept] = await Promise.all(rest);
    // One shared transaction, not failed and not retried alone.
    expect(h.transactions).toEqual([["a"], ["x", "y", "b"]]);
    expect(gone).toMatchObject({ projectGone: true, results: [] });
    expect(kept.results.map((r) => r.eventId)).toEqual(["b"]);
    expect(h.announced.map((a) => a.projectId)).toEqual(["p", "q"]);
  });

  it("a lone failing write is rejected", async () => {
    const h = harness();
    await expect(h.commit.write(target("p"), events("bad-2"))).rejects.toThrow();
    expect(h.announced).toEqual([]);
  });

  it("fails a transaction's writes and every waiting one together when the database is unavailable, retrying none alone", async () => {
    const h = harness({ maxWaitMs: 5, maxEvents: 2, maxConcurrent: 1 });
    const release = h.hold();
    const first = h.commit.write(target("p"), events("down-1"));
    const waiting = [h.commit.write(target("p"), events("b")), h.commit.write(target("q"), events("c")), h.commit.write(target("p"), events("d"))];
    release();
    const outcomes = await Promise.allSettled([first, ...waiting]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
    // One transaction went out; nothing was retried alone or committed after it.
    expect(h.transactions).toEqual([["down-1"]]);
    expect(h.announced).toEqual([]);
    // Later writes go out as usual.
    expect((await h.commit.write(target("p"), events("e"))).results[0].eventId).toBe("e");
  });
});
