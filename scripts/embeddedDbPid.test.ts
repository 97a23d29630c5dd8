import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isPostgres } from "@/scripts/embeddedDb.mjs";

describe("stale postmaster.pid: whose pid is it", () => {
  it("tells a live process that is not PostgreSQL from one that might be", async () => {
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => other.once("spawn", resolve));
      expect(isPostgres(other.pid!)).toBe(false);
      expect(isPostgres(process.pid)).toBe(false);
    } finally {
      other.kill("SIGKILL");
    }
  });
});
