import { describe, expect, it } from "vitest";
import { jsHeaderStart } from "@/lib/grouping/chain/jsHeaderStart";
import { groupEvent } from "@/lib/grouping/groupEvent";

const frames = "    at loadInvoice (/srv/billing/src/invoices.js:31:17)\n    at Queue.drain (/srv/billing/src/queue.js:12:9)";
const group = (header: string) => groupEvent({ type: "Error", message: "", stackTrace: `${header}\n${frames}` });

describe("a JavaScript error's header after what a log call printed before it", () => {
  it.each([
    ["console.error's words", "Could not bill customer 7: TypeError: Cannot read properties of null (reading 'total')"],
    ["a line of its own", "Billing run aborted\nTypeError: Cannot read properties of null (reading 'total')"],
    ["a logger's timestamp and level", "2025-03-02 08:15:00.120 [error]: TypeError: Cannot read properties of null (reading 'total')"],
    ["Node ≤ 14's warning", "(node:48211) UnhandledPromiseRejectionWarning: TypeError: Cannot read properties of null (reading 'total')"],
    ["Next.js's marker", " ⨯ TypeError: Cannot read properties of null (reading 'total')"],
    ["Electron's dialog", "Uncaught Exception:\nTypeError: Cannot read properties of null (reading 'total')"],
  ])("%s", (_name, header) => {
    expect(group(header)).toMatchObject({ type: "TypeError", message: "Cannot read properties of null (reading 'total')" });
  });

  it("two errors at the same frames stay apart", () => {
    expect(group("Job failed: TypeError: x is not a function").fingerprint).not.toBe(group("Job failed: ReferenceError: x is not defined").fingerprint);
  });

  it("Deno's test runner: 'error: ' is no type", () => {
    expect(group('error: AssertionError: Values are not equal: "a" vs "b"')).toMatchObject({ type: "AssertionError", message: 'Values are not equal: "a" vs "b"' });
  });

  it("a header printed first is read as before", () => {
    expect(jsHeaderStart(["Error: boom", "second line"])).toEqual(["Error: boom", "second line"]);
    expect(jsHeaderStart(["CustomThing: failed"])).toEqual(["CustomThing: failed"]);
    expect(jsHeaderStart(["[AggregateError: all failed] {"])).toEqual(["[AggregateError: all failed] {"]);
    expect(jsHeaderStart(["no error name here"])).toEqual(["no error name here"]);
  });

  it("minified frames key on the real type and message", () => {
    const text = " ⨯ RangeError: Invalid time value\n    at /var/task/.next/server/app/report/page.js:3:811\n    at Array.map (<anonymous>)";
    const grouped = groupEvent({ type: "Error", message: "", stackTrace: text });
    expect(grouped.type).toBe("RangeError");
  });
});
