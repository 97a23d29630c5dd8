import { describe, expect, it } from "vitest";
import { fitJson, jsonSize, TRUNCATED } from "./budget.js";

describe("fitJson", () => {
  it("measures JSON in UTF-8 bytes", () => {
    const value = { a: [1, "é", null, true], 'k"': { n: -1.5 } };
    expect(jsonSize(value)).toBe(new TextEncoder().encode(JSON.stringify(value)).length);
  });

  it("keeps what fits as it is", () => {
    const value = { a: 1, b: ["x", "y"] };
    expect(fitJson(value, 1000)).toBe(value);
  });

  it("cuts the largest values first and keeps the small ones whole, within the budget", () => {
    const value = { id: "o-17", status: "failed", rows: Array.from({ length: 100 }, (_, i) => ({ n: i, text: "x".repeat(4000) })), log: "y".repeat(50_000) };
    const fitted = fitJson(value, 20_000) as typeof value;
    expect(jsonSize(fitted)).toBeLessThanOrEqual(20_000);
    expect(fitted).toMatchObject({ id: "o-17", status: "failed" });
    expect(fitted.log).toMatch(/^y+…\[truncated\]$/);
    expect(JSON.stringify(fitted.rows)).toContain("[truncated]");
  });

  it("leaves out entries that cannot get even a marker, and says how many", () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`key${i}`, "v".repeat(100)]));
    const fitted = fitJson(many, 2000) as Record<string, unknown>;
    expect(jsonSize(fitted)).toBeLessThanOrEqual(2000);
    expect(fitted["…"]).toMatch(/^\[\d+ more keys truncated\]$/);
    const list = fitJson(Array.from({ length: 500 }, () => "w".repeat(100)), 2000) as unknown[];
    expect(jsonSize(list)).toBeLessThanOrEqual(2000);
    expect(list.at(-1)).toMatch(/^\[\d+ more items truncated\]$/);
  });

  it("cuts multi-byte text by bytes, never inside a surrogate pair", () => {
    const fitted = fitJson({ text: "😀".repeat(1000) }, 200) as { text: string };
    expect(jsonSize(fitted)).toBeLessThanOrEqual(200);
    expect(fitted.text).toMatch(/^(😀)+…\[truncated\]$/u);
    expect(fitJson("a long string", 5)).toBe(TRUNCATED);
  });
});
