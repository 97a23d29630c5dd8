import type pg from "pg";
import { describe, expect, it } from "vitest";
import { BundledTransaction, withBundledTransaction } from "@/lib/db/bundledTransaction";

/** Records the texts sent; `failOn` makes a text containing it fail as PostgreSQL would. */
function recordingClient(failOn?: string) {
  const sent: string[] = [];
  let released = 0;
  const client = {
    query: async (text: string) => {
      sent.push(text);
      if (failOn && text.includes(failOn)) throw new Error(`failed: ${failOn}`);
      return { rows: [] };
    },
    escapeLiteral: (value: string) => `'${value.replaceAll("'", "''")}'`,
    release: () => void released++,
  };
  const from = { connect: async () => client } as unknown as pg.Pool;
  return { sent, from, client: client as unknown as pg.PoolClient, released: () => released };
}

describe("BundledTransaction", () => {
  it("sends BEGIN with the opening statement and queued statements with COMMIT", async () => {
    const { sent, from, released } = recordingClient();
    await withBundledTransaction(async (tx) => {
      await tx.open("SELECT pg_advisory_xact_lock_shared(7)");
      await tx.client.query("SELECT 1");
      tx.atCommit("INSERT INTO t VALUES (1)");
      tx.atCommit("INSERT INTO t VALUES (2)");
    }, from);
    expect(sent).toEqual(["BEGIN; SELECT pg_advisory_xact_lock_shared(7)", "SELECT 1", "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\nCOMMIT"]);
    expect(released()).toBe(1);
  });

  it("runs a later opening statement on its own and commits alone when nothing is queued", async () => {
    const { sent, from } = recordingClient();
    await withBundledTransaction(async (tx) => {
      await tx.open("SELECT 1");
      await tx.open("SELECT 2");
    }, from);
    expect(sent).toEqual(["BEGIN; SELECT 1", "SELECT 2", "COMMIT"]);
  });

  it("sends nothing for a transaction that ran no statement, and everything at once for one that only queued", async () => {
    const { sent, from } = recordingClient();
    await withBundledTransaction(async () => undefined, from);
    expect(sent).toEqual([]);
    await withBundledTransaction(async (tx) => tx.atCommit("INSERT INTO t VALUES (1)"), from);
    expect(sent).toEqual(["BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT"]);
  });

  it("begins on its own when asked (withTransaction)", async () => {
    const { sent, from } = recordingClient();
    await withBundledTransaction(async (tx) => {
      await tx.begin();
      await tx.client.query("SELECT 1");
    }, from);
    expect(sent).toEqual(["BEGIN", "SELECT 1", "COMMIT"]);
  });

  it("rolls back when a statement or the bundled COMMIT fails", async () => {
    const failing = recordingClient("INSERT");
    await expect(
      withBundledTransaction(async (tx) => {
        await tx.open("SELECT 1");
        tx.atCommit("INSERT INTO t VALUES (1)");
      }, failing.from),
    ).rejects.toThrow("failed: INSERT");
    expect(failing.sent.at(-1)).toBe("ROLLBACK");
    expect(failing.released()).toBe(1);
  });

  it("answers the rows of the opening text's last statement (node-postgres lists one result per statement)", async () => {
    const client = {
      query: async (text: string) => (text.includes(";") && text.split(";").length > 2 ? [{ rows: [{ a: 1 }] }, { rows: [] }, { rows: [{ live: true }] }] : { rows: [{ one: 1 }] }),
      escapeLiteral: (value: string) => `'${value}'`,
    } as unknown as pg.PoolClient;
    const tx = new BundledTransaction(client);
    expect(await tx.open("SELECT pg_advisory_xact_lock_shared(7); SELECT true AS live")).toEqual([{ live: true }]);
    expect(await tx.open("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("writes values as literals: strings escaped, non-finite numbers refused", () => {
    const tx = new BundledTransaction(recordingClient().client);
    expect(tx.literal("it's")).toBe("'it''s'");
    expect(tx.literal(42)).toBe("42");
    expect(tx.literal(null)).toBe("NULL");
    expect(() => tx.literal(Number.NaN)).toThrow("not a finite number");
  });
});
