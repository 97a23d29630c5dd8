import { describe, expect, it } from "vitest";
import { compileGlob } from "@/lib/grouping/rules/matchGlob";

/** The regular expression these globs used to compile to: the meaning the matcher must keep. */
function referenceGlob(pattern: string, separator: "/" | "." | null, caseInsensitive: boolean): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += separator ? `[^${separator === "." ? "." : "/"}]*` : ".*";
    else if (c === "?") source += ".";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "is" : "s");
}

describe("grouping rule globs", () => {
  it("match whole values: `*` within a segment, `**` across, `?` one character", () => {
    expect(compileGlob("src/**", "/").test("src/a/b.ts")).toBe(true);
    expect(compileGlob("src/*", "/").test("src/a/b.ts")).toBe(false);
    expect(compileGlob("src/*/b.ts", "/").test("src/a/b.ts")).toBe(true);
    expect(compileGlob("com.acme.*", ".").test("com.acme.billing")).toBe(true);
    expect(compileGlob("com.acme.*", ".").test("com.acme.billing.Invoice")).toBe(false);
    expect(compileGlob("com.acme.**", ".").test("com.acme.billing.Invoice")).toBe(true);
    expect(compileGlob("x*?*y", "/").test("xa/y")).toBe(true);
    expect(compileGlob("handle*", null).test("handle.request/x")).toBe(true);
    expect(compileGlob("Timeout?", null).test("TimeoutX")).toBe(true);
    expect(compileGlob("Timeout?", null).test("Timeout")).toBe(false);
    expect(compileGlob("a.b", null).test("axb")).toBe(false);
    expect(compileGlob("[x](y)", null).test("[x](y)")).toBe(true);
  });

  it("fold case only when asked (messages), types and frames stay case-sensitive", () => {
    expect(compileGlob("*TIMEOUT*", null, true).test("connection timeout while reading")).toBe(true);
    expect(compileGlob("*TIMEOUT*", null).test("connection timeout while reading")).toBe(false);
    expect(compileGlob("DbError", null).test("dberror")).toBe(false);
    expect(compileGlob("*istanbul*", null, true).test("ISTANBUL down")).toBe(true);
  });

  it("agree with the regular expressions they replace on every small case", () => {
    const alphabet = ["a", "b", "/", ".", "A"];
    const patternAlphabet = ["a", "b", "/", ".", "*", "**", "?", "A"];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const word = (letters: string[], max: number) => Array.from({ length: random(max + 1) }, () => letters[random(letters.length)]).join("");
    const disagreements: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pattern = word(patternAlphabet, 6);
      const value = word(alphabet, 8);
      for (const [separator, caseInsensitive] of [["/", false], [".", false], [null, false], [null, true]] as const) {
        if (pattern === "") continue;
        const matched = compileGlob(pattern, separator, caseInsensitive).test(value);
        if (matched !== referenceGlob(pattern, separator, caseInsensitive).test(value)) disagreements.push({ pattern, value, separator, caseInsensitive, matched });
      }
    }
    expect(disagreements).toEqual([]);
  });
});
