import { describe, expect, it } from "vitest";
import { assignableRules, unassignableBecause } from "@/lib/assignment/assignableRole";
import { firstMatchingRule } from "@/lib/assignment/matchRule";
import type { IssueFacts } from "@/lib/assignment/issueFacts";
import type { Role } from "@/lib/generated/prisma/enums";

const facts: IssueFacts = { project: { name: "Shop", slug: "shop" }, type: "BoomError", message: "boom", category: "runtime", severity: "high", tags: {}, frames: [] };
const rule = (id: string, assigneeUserId: string | null) => ({ id, enabled: true, conditions: [{ field: "type" as const, pattern: "Boom*" }], assigneeUserId });

describe("assignableRules", () => {
  it("passes over a rule whose person left or became a viewer, so the next matching rule applies", () => {
    const rules = [rule("to-bob", "bob"), rule("to-dan", "dan"), rule("to-team", null), rule("to-ana", "ana")];
    const roles = new Map<string, Role>([["dan", "viewer"], ["ana", "member"]]);
    const kept = assignableRules(rules, roles);
    expect(kept.map((r) => r.id)).toEqual(["to-team", "to-ana"]);
    expect(firstMatchingRule(kept, facts)?.id).toBe("to-team");
    // Before: the first match was the rule of someone gone, and nothing was assigned.
    expect(firstMatchingRule(rules, facts)?.id).toBe("to-bob");
  });

  it("keeps members' and admins' rules", () => {
    const rules = [rule("a", "ana"), rule("b", "bo")];
    expect(assignableRules(rules, new Map<string, Role>([["ana", "admin"], ["bo", "member"]])).map((r) => r.id)).toEqual(["a", "b"]);
  });
});

describe("unassignableBecause", () => {
  it("says why a role cannot be assigned", () => {
    expect(unassignableBecause(undefined)).toBe("not a member of this workspace");
    expect(unassignableBecause(null)).toBe("not a member of this workspace");
    expect(unassignableBecause("viewer")).toMatch(/^a viewer/);
    expect(unassignableBecause("member")).toBeNull();
    expect(unassignableBecause("admin")).toBeNull();
  });
});
