import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";

const issuesOf = (schema: z.ZodType, value: unknown, prefix = "") => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("accepted");
  return zodIssues(result.error, prefix);
};

describe("zodIssues", () => {
  it("names the field inside the alternative of a union the value had the type of", () => {
    expect(issuesOf(IngestEventSchema, { type: "E", stackTrace: [{ function: "f", lineno: -5 }] }, "events[2]")).toEqual([
      { path: "events[2].stackTrace[0].lineno", message: "Too small: expected number to be >=0" },
    ]);
    expect(issuesOf(IngestEventSchema, { type: "E", exceptions: [{ type: "A", stackTrace: [{ colno: 1.5 }] }] })).toEqual([
      { path: "exceptions[0].stackTrace[0].colno", message: "Invalid input: expected int, received number" },
    ]);
  });

  it("names the types a union expects when the value had none of them", () => {
    expect(issuesOf(IngestEventSchema, { type: "E", tags: { a: { b: 1 } } })).toEqual([{ path: "tags.a", message: "Invalid input: expected string or number or boolean" }]);
    expect(issuesOf(IngestEventSchema, { type: "E", stackTrace: 42 })).toEqual([{ path: "stackTrace", message: "Invalid input: expected string or array" }]);
  });

  it("names each unknown key as the field, under its object's path", () => {
    const strict = z.object({ status: z.string(), nested: z.object({ a: z.number() }).strict().optional() }).strict();
    expect(issuesOf(strict, { status: "resolved", bogus: 1 })).toEqual([{ path: "bogus", message: 'Unrecognized key: "bogus"' }]);
    expect(issuesOf(strict, { status: "x", stauts: "y", other: 2 })).toEqual([
      { path: "stauts", message: 'Unrecognized key: "stauts"' },
      { path: "other", message: 'Unrecognized key: "other"' },
    ]);
    expect(issuesOf(strict, { status: "x", nested: { a: 1, b: 2 } }, "events[0]")).toEqual([{ path: "events[0].nested.b", message: 'Unrecognized key: "b"' }]);
  });

  it("keeps ordinary issues as they are, with the prefix", () => {
    expect(issuesOf(z.object({ a: z.object({ b: z.boolean() }) }), { a: { b: 1 } }, "x")).toEqual([{ path: "x.a.b", message: "Invalid input: expected boolean, received number" }]);
    expect(issuesOf(z.string(), 1)).toEqual([{ path: "(root)", message: "Invalid input: expected string, received number" }]);
  });
});
