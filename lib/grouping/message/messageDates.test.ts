import { describe, expect, it } from "vitest";
import { withoutNamedDates } from "@/lib/grouping/message/messageDates";
import { normaliseMessage } from "@/lib/grouping/message/normaliseMessage";

describe("withoutNamedDates", () => {
  it.each([
    ["Java Date.toString()", "Mon Dec 07 18:56:51 UTC 2026", "<timestamp>"],
    ["Java Date.toString() in another zone", "Tue Mar 03 09:05:00 CET 2026", "<timestamp>"],
    ["C asctime / Python time.ctime()", "Mon Dec  7 18:56:51 2026", "<timestamp>"],
    ["JavaScript Date.toString()", "Mon Dec 07 2026 18:56:51 GMT+0000 (Coordinated Universal Time)", "<timestamp>"],
    ["RFC 1123 (HTTP dates, toUTCString)", "Mon, 07 Dec 2026 18:56:51 GMT", "<timestamp>"],
    ["RFC 2822", "Mon, 7 Dec 2026 18:56:51 +0000", "<timestamp>"],
    ["RFC 850", "Monday, 07-Dec-26 18:56:51 GMT", "<timestamp>"],
    ["access log", "07/Dec/2026:18:56:51 +0000", "<timestamp>"],
    ["Tomcat dd-MMM-yyyy", "07-Dec-2026 18:56:51.123", "<timestamp>"],
    ["Oracle DD-MON-RR", "07-DEC-26", "<date>"],
    ["syslog", "Dec  7 18:56:51", "<timestamp>"],
    ["prose", "Dec 7, 2026", "<date>"],
    ["prose with time", "December 7, 2026 at 6:56:51 PM", "<timestamp>"],
    ["day first", "7 December 2026", "<date>"],
    ["a month of a year", "December 2026", "<date>"],
    ["upper case", "MON DEC 07 18:56:51 UTC 2026", "<timestamp>"],
  ])("%s: %s", (_name, date, expected) => {
    expect(withoutNamedDates(`stalled since ${date}; retrying`)).toBe(`stalled since ${expected}; retrying`);
  });

  it("keeps weekday and month names that are words, and zone-like words after a date", () => {
    for (const text of [
      "You may not retry: Sat on the queue for 5 minutes",
      "May 5 retries left",
      "Mar 12 items in the batch",
      "Sun 1200 rows",
      "Decimal 7 2026 out of range",
      "Marching orders 10:30",
      "Order #2026 placed on Mon",
    ]) {
      expect(withoutNamedDates(text)).toBe(text);
    }
    expect(withoutNamedDates("Dec  7 18:56:51 POST /orders failed")).toBe("<timestamp> POST /orders failed");
    expect(withoutNamedDates("Dec  7 18:56:51 ERROR billing: timeout")).toBe("<timestamp> ERROR billing: timeout");
  });
});

describe("normaliseMessage: named dates", () => {
  const msg = (m: string, language: "java" | "python" | "javascript" | "go" = "java") => normaliseMessage("IOException", m, language);

  it("makes one message of the same text on other days, months and years, in every format", () => {
    const pairs = [
      ["export stalled since Mon Dec 07 18:56:51 UTC 2026", "export stalled since Fri Jan 15 03:12:09 UTC 2027"],
      ["upstream answered 503 (Retry-After: Mon, 07 Dec 2026 18:56:51 GMT)", "upstream answered 503 (Retry-After: Sat, 12 Sep 2026 00:00:01 GMT)"],
      ["bad line: 198.51.100.23 - - [07/Dec/2026:18:56:51 +0000] \"GET /\"", "bad line: 198.51.100.23 - - [01/Mar/2027:02:00:00 +0000] \"GET /\""],
      ["log ended at Dec  7 18:56:51", "log ended at Nov 30 23:59:59"],
      ["token expired on Mon Dec  7 18:56:51 2026", "token expired on Thu Jan  1 00:00:00 2027"],
      ["at 2026-12-07 18:56:51,123 the lock was lost", "at 2027-01-02 03:04:05,678 the lock was lost"],
    ];
    for (const [a, b] of pairs) expect(msg(a), `${a} / ${b}`).toBe(msg(b));
    expect(msg("not valid after Mon Dec 07 2026 18:56:51 GMT+0000 (Coordinated Universal Time)", "javascript")).toBe(
      msg("not valid after Tue Jun 01 2027 09:00:00 GMT+0200 (Central European Summer Time)", "javascript"),
    );
  });

  it("keeps different messages apart", () => {
    expect(msg("export stalled since Mon Dec 07 18:56:51 UTC 2026")).not.toBe(msg("import stalled since Mon Dec 07 18:56:51 UTC 2026"));
  });

  it("reads no named date when normalising as before the 2026-12-09 upgrade", () => {
    const before = (m: string) => normaliseMessage("IOException", m, "java", true);
    expect(before("since Mon Dec 07 18:56:51 UTC 2026")).toBe("since Mon Dec <num> <num>:<num>:<num> UTC <num>");
    expect(before("since Mon Dec 07 18:56:51 UTC 2026")).not.toBe(before("since Tue Dec 08 18:56:51 UTC 2026"));
  });
});
