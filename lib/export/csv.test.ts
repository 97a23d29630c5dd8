import { describe, expect, it } from "vitest";
import { parseCsv } from "@/e2e/support/parseCsv";
import { csvField, csvRecord } from "@/lib/export/csv";

describe("CSV (RFC 4180)", () => {
  it("quotes fields with commas, quotes, CR and LF, doubling inner quotes, and ends records with CRLF", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvRecord(["a", 1, true, new Date("2026-01-02T03:04:05.006Z")])).toBe("a,1,true,2026-01-02T03:04:05.006Z\r\n");
  });

  it("neutralises spreadsheet formulas in text but not in numbers", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("reads back to the same values through a strict parser, whatever the text", () => {
    const values = ['He said "no", then left\r\n', "ünïcødé 🧨", "tab\there", "", ",", '"', '""', "\n", "trailing space ", "a\r\nb"];
    const text = csvRecord(values) + csvRecord(["x", "y"]);
    expect(parseCsv(text)).toEqual([values, ["x", "y"]]);
  });
});
