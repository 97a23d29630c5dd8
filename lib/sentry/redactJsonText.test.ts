import { describe, expect, it } from "vitest";
import { compileSensitiveFields } from "@/lib/ingest/sensitiveFields";
import { redactJsonText } from "@/lib/sentry/redactJsonText";

const fields = compileSensitiveFields(["acct_ref", "iban"])!;
const redact = (text: string) => redactJsonText(text, fields);

describe("redactJsonText", () => {
  it("replaces only the hidden values' text: big numbers, trailing zeros, duplicate keys and spacing stay as sent", () => {
    const text = '{"order_id": 12345678901234567890, "amount": 1.10, "a": 1, "a": 2, "acct_ref": "X"}';
    expect(redact(text)).toBe('{"order_id": 12345678901234567890, "amount": 1.10, "a": 1, "a": 2, "acct_ref": "[Filtered]"}');
    const pretty = '{\n\t"acct_ref" :  42 ,\r\n  "x":[ 1e2,  -0.0 ],"acct_ref":true\n}\n';
    expect(redact(pretty)).toBe('{\n\t"acct_ref" :  "[Filtered]" ,\r\n  "x":[ 1e2,  -0.0 ],"acct_ref":"[Filtered]"\n}\n');
  });

  it("replaces an object or array under a sensitive key whole, whatever it holds, and keeps null and empty strings", () => {
    const text = '{"payer": {"customer_iban": {"bank": {"iban": "DE1", "list": [1, [2, {"acct_ref": 3}]]}}, "ACCT-REF": [[], {"k": "v"}]}, "iban": null, "acctRef": ""}';
    expect(redact(text)).toBe('{"payer": {"customer_iban": "[Filtered]", "ACCT-REF": "[Filtered]"}, "iban": null, "acctRef": ""}');
    expect(JSON.parse(redact(text)!)).toEqual({ payer: { customer_iban: "[Filtered]", "ACCT-REF": "[Filtered]" }, iban: null, acctRef: "" });
  });

  it("hides a sensitive key in an array of objects, and the value of a [name, value] pair", () => {
    const text = '[{"id": 1, "iban": "DE1"}, {"id": 2, "iban": "DE2", "note": "ok"}, ["X-Acct-Ref", {"v": 1}], ["iban", "DE3", "third"], ["other", "v"]]';
    expect(redact(text)).toBe(
      '[{"id": 1, "iban": "[Filtered]"}, {"id": 2, "iban": "[Filtered]", "note": "ok"}, ["X-Acct-Ref", "[Filtered]"], ["iban", "DE3", "third"], ["other", "v"]]',
    );
    // The pair's name is kept as sent, even when it reads like a pair itself.
    expect(redact('[["iban=DE4", "DE5"], ["iban", null]]')).toBe('[["iban=DE4", "[Filtered]"], ["iban", null]]');
  });

  it("reads escaped keys, and keeps escapes in the values it does not change", () => {
    const text = '{"ib\\u0061n": "DE1", "acct\\"ref": "q\\"uote", "k\\u00e9y": "caf\\u00e9 \\ud83d\\ude00 \\/", "\\"iban\\"": 1}';
    expect(redact(text)).toBe('{"ib\\u0061n": "[Filtered]", "acct\\"ref": "[Filtered]", "k\\u00e9y": "caf\\u00e9 \\ud83d\\ude00 \\/", "\\"iban\\"": "[Filtered]"}');
  });

  it("hides name=value pairs inside other strings, writing only that string again", () => {
    const text = '{"log": "charging iban=DE89 now\\nacct_ref: 77\\tdone", "n": 1.50, "msg": "caf\\u00e9", "json": "{\\"iban\\": \\"DE1\\"}"}';
    const out = redact(text)!;
    expect(out).toBe('{"log": "charging iban=[Filtered] now\\nacct_ref: [Filtered]\\tdone", "n": 1.50, "msg": "caf\\u00e9", "json": "{\\"iban\\": \\"[Filtered]\\"}"}');
    expect(JSON.parse(out).log).toBe("charging iban=[Filtered] now\nacct_ref: [Filtered]\tdone");
    expect(redact('"iban=DE1"')).toBe('"iban=[Filtered]"');
  });

  it("returns the text as it is when nothing is hidden, and the same text when redacted twice", () => {
    const clean = '{ "amount": 12,  "note": "iban missing", "x": [1.0, "\\u0041"] }';
    expect(redact(clean)).toBe(clean);
    const samples = [
      '{"order_id": 12345678901234567890, "acct_ref": {"a": [1]}, "log": "iban=DE1 and acct_ref=2"}',
      '[["iban", "DE1"], {"iban": "[Filtered]", "x": "\\u005bFiltered]"}, {"acct_ref": "\\u005bFiltered]"}]',
      '{"ACCT_REF": ["iban", "x"], "s": "\\"iban\\": \\"DE1\\""}',
    ];
    for (const text of samples) {
      const once = redact(text)!;
      expect(JSON.parse(once)).toBeDefined();
      expect(redact(once)).toBe(once);
    }
  });

  it("walks a 100,000-deep array without overflowing the stack, hiding what is under a sensitive key at any depth", () => {
    const depth = 100_000;
    const started = performance.now();
    const deep = `${"[".repeat(depth)}{"iban": ${"[".repeat(depth)}1${"]".repeat(depth)}, "n": 1.0}${"]".repeat(depth)}`;
    expect(redact(deep)).toBe(`${"[".repeat(depth)}{"iban": "[Filtered]", "n": 1.0}${"]".repeat(depth)}`);
    const flat = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(redact(flat)).toBe(flat);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("is undefined for text that is not one JSON document", () => {
    for (const text of ['{"iban": "DE1"}\n{"iban": "DE2"}', '{"iban": "DE1",}', "[".repeat(100_000), "", "{'iban': 1}", '{"iban": 012}']) {
      expect(redact(text)).toBeUndefined();
    }
  });
});
