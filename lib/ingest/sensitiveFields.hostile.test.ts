import { describe, expect, it } from "vitest";
import { compileSensitiveFields, redactSensitiveFields } from "@/lib/ingest/sensitiveFields";

/**
 * A project's sensitive fields are applied to every string an untrusted client sends, so hiding
 * them must stay linear in the text. Each case below stalled the event loop with the former pattern
 * (a 60,000-character run: 10 s; 3,000 × "iban": minutes; 1 MiB: hours) and takes milliseconds now.
 * The budget is far above that, so a loaded machine cannot fail it; the old pattern could not meet it.
 */
const BUDGET_MS = 5_000;
const MIB = 1 << 20;
const timed = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const fields = compileSensitiveFields(["iban", "x-tenant-secret"])!;

describe("sensitive fields on hostile input", () => {
  it.each([
    ["one long run of name characters", "a".repeat(MIB)],
    ["a field name repeated without a separator", "iban".repeat(MIB / 4)],
    ["field names separated by spaces, never by = or :", "iban ".repeat(MIB / 5)],
    ["a name followed by a megabyte of blanks", `iban${" ".repeat(MIB)}`],
    ["chained pairs whose values hold more pairs", "a=".repeat(MIB / 2)],
    ["a megabyte of sensitive pairs", "iban=x ".repeat(MIB / 7)],
  ])("%s", (_name, text) => {
    expect(timed(() => fields.redactText(text))).toBeLessThan(BUDGET_MS);
  }, 60_000);

  it("walks an event's context of megabyte strings in time", () => {
    const event = { type: "E", message: "a".repeat(MIB), context: { note: "a".repeat(MIB), nested: { list: ["iban".repeat(MIB / 4)] } } };
    expect(timed(() => redactSensitiveFields(event, fields))).toBeLessThan(BUDGET_MS);
  }, 60_000);

  it("still hides every pair of a long text", () => {
    const out = fields.redactText("iban=DE89 ".repeat(10_000));
    expect(out).toBe("iban=[Filtered] ".repeat(10_000));
  });
});
