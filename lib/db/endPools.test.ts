import pg from "pg";
import { describe, expect, it } from "vitest";
import { endPools } from "@/lib/db/pool";

describe("endPools", () => {
  it("ends every pool the process opened, and only those; a second call is harmless", async () => {
    const holder = globalThis as unknown as { faultlinePools?: Record<string, pg.Pool> };
    const saved = holder.faultlinePools;
    const ingest = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    const alert = new pg.Pool({ connectionString: "postgresql://nobody@127.0.0.1:1/none" });
    holder.faultlinePools = { ingest, alert };
    try {
      await endPools();
      expect(ingest.ended).toBe(true);
      expect(alert.ended).toBe(true);
      expect(Object.keys(holder.faultlinePools)).toEqual(["ingest", "alert"]);
      await expect(endPools()).resolves.toBeUndefined();
    } finally {
      holder.faultlinePools = saved;
    }
  });
});
