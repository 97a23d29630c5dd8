import { describe, expect, it } from "vitest";
import { auditIds } from "@/lib/audit/auditIds";

const A = "0190a000-0000-7000-8000-000000000001";
const B = "0190a000-0000-7000-8000-000000000002";

describe("auditIds", () => {
  it("reads the key from each side in order, UUID strings only", () => {
    expect(auditIds("assigneeId", { assigneeId: A }, { assigneeId: B })).toEqual([A, B]);
    expect(auditIds("assigneeId", { assigneeId: null }, { assigneeId: B })).toEqual([B]);
    expect(auditIds("userId", { userId: "user-1" }, { userId: 42 }, null, "text", [A])).toEqual([]);
  });
});
