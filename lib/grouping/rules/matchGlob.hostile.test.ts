import { describe, expect, it } from "vitest";
import { compileGlob } from "@/lib/grouping/rules/matchGlob";

/**
 * Messages, types and frames come from untrusted clients; rules from the project. Matching must not
 * backtrack: each case below took seconds to hours with the regular expressions globs compiled to
 * (`*error*error*error*X` against 280 × "error": 4 s), and takes milliseconds now. The budget is far
 * above that, so a loaded machine cannot fail it; the old matcher could not meet it.
 */
const BUDGET_MS = 5_000;
const timed = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

describe("grouping rule globs on hostile input", () => {
  it.each([
    ["repeated pieces that never finish", "*error*error*error*error*X", null, "error".repeat(50_000)],
    ["an ordinary message rule on a long message", "*timeout*while*connecting*", null, "timeout while ".repeat(20_000)],
    ["wildcard-heavy pieces", "*?a?*?a?*?a?*b", null, "a".repeat(200_000)],
    ["segment stars on a long path", "**/*a*a*a*a*/**/x.ts", "/", "a".repeat(100_000) + "/b"],
    ["segment stars on a long module", "*.*a*a*a*a*.**.X", ".", `${"a".repeat(50_000)}.`.repeat(2)],
  ] as const)("%s", (_name, pattern, separator, value) => {
    for (const caseInsensitive of [false, true]) {
      const glob = compileGlob(pattern, separator, caseInsensitive);
      expect(timed(() => expect(glob.test(value)).toBe(false))).toBeLessThan(BUDGET_MS);
    }
  }, 60_000);

  it("matches a long message in one read", () => {
    const glob = compileGlob("*timeout*while*connecting*", null, true);
    expect(glob.test(`${"x".repeat(100_000)} Timeout while connecting to db ${"y".repeat(100_000)}`)).toBe(true);
  });
});
