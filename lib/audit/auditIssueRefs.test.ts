import { describe, expect, it } from "vitest";
import { auditIssueRefs } from "@/lib/audit/auditIssueRefs";

const A = "0190a000-0000-7000-8000-00000000000a";
const B = "0190a000-0000-7000-8000-00000000000b";

describe("auditIssueRefs (the other issue a merge or unmerge entry names)", () => {
  it("reads the ids each entry keeps, with the merged issues' type and message", () => {
    expect(auditIssueRefs("error.merged", null, { merged: [{ errorId: B, fingerprint: "f", type: "TypeError", message: "x is undefined", occurrences: 3 }] })).toEqual([
      { errorId: B, snapshot: { type: "TypeError", message: "x is undefined" } },
    ]);
    expect(auditIssueRefs("error.merged_into", { errorId: B }, { targetId: A })).toEqual([{ errorId: A, snapshot: null }]);
    expect(auditIssueRefs("error.unmerged", { fingerprints: ["f"] }, { created: [{ errorId: B, fingerprint: "f", occurrences: 4 }] })).toEqual([{ errorId: B, snapshot: null }]);
    expect(auditIssueRefs("error.split_from", { errorId: A }, { errorId: B })).toEqual([{ errorId: A, snapshot: null }]);
  });

  it("names nothing for other actions, ids that are not UUIDs, or JSON of another shape", () => {
    expect(auditIssueRefs("error.updated", null, { targetId: A })).toEqual([]);
    expect(auditIssueRefs("error.merged_into", null, { targetId: "'; drop table" })).toEqual([]);
    expect(auditIssueRefs("error.merged", null, { merged: "junk" })).toEqual([]);
    expect(auditIssueRefs("error.merged", null, { merged: [{ errorId: B }] })).toEqual([{ errorId: B, snapshot: null }]);
    expect(auditIssueRefs("error.unmerged", null, null)).toEqual([]);
  });
});
