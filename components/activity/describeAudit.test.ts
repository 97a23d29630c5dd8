import { describe, expect, it } from "vitest";
import { auditChanges, describeAudit } from "@/components/activity/describeAudit";
import type { AuditItem } from "@/lib/audit/listAudit";

const ANA = "0190a000-0000-7000-8000-000000000001";
const TEAM = "0190a000-0000-7000-8000-000000000002";
const GONE = "0190a000-0000-7000-8000-000000000003";

function entry(patch: Partial<AuditItem>): AuditItem {
  return {
    id: "a1",
    at: "2026-12-04T12:00:00.000Z",
    action: "error.updated",
    actorType: "user",
    actor: { id: ANA, name: "Ana", email: "ana@example.com" },
    targetType: "error",
    targetId: "0190a000-0000-7000-8000-00000000000f",
    issue: { id: "0190a000-0000-7000-8000-00000000000f", type: "TypeError", message: "x is undefined" },
    before: null,
    after: null,
    names: { [ANA]: "Ana", [TEAM]: "team Billing" },
    ...patch,
  };
}

describe("describeAudit (workspace activity)", () => {
  it("says whom an issue was assigned to, and links the issue by its title", () => {
    expect(describeAudit(entry({ before: { assigneeId: null }, after: { assigneeId: ANA } }))).toEqual({
      actor: "Ana",
      verb: "assigned an issue to themselves",
      href: "/errors/0190a000-0000-7000-8000-00000000000f",
      issueTitle: "TypeError: x is undefined",
    });
    expect(describeAudit(entry({ after: { assigneeId: ANA, assigneeTeamId: TEAM } })).verb).toBe("assigned an issue to themselves and team Billing");
    expect(describeAudit(entry({ actor: null, actorType: "cli", after: { assigneeId: ANA } })).verb).toBe("assigned an issue to Ana");
    expect(describeAudit(entry({ after: { assigneeId: null, assigneeTeamId: null } })).verb).toBe("unassigned an issue");
    // Taken off by Faultline when the person left: why.
    expect(describeAudit(entry({ before: { assigneeId: GONE }, after: { assigneeId: null, reason: "member_removed" } })).verb).toBe(
      "unassigned an issue (the assignee was removed from the workspace)",
    );
    // Someone no longer resolvable: no name rather than an id.
    expect(describeAudit(entry({ after: { assigneeId: GONE } })).verb).toBe("assigned an issue");
    // Any other change keeps the generic wording; a merged-away issue links without a title.
    expect(describeAudit(entry({ after: { assigneeId: ANA, status: "resolved" } })).verb).toBe("changed an issue");
    expect(describeAudit(entry({ issue: null, action: "error.resolved" }))).toMatchObject({ verb: "resolved an issue", issueTitle: null });
    // A deleted issue: said so, and not linked (its page is gone).
    expect(describeAudit(entry({ issue: null, action: "error.deleted", before: { type: "TypeError", occurrences: 3 } }))).toMatchObject({
      verb: "deleted an issue with its events",
      href: null,
    });
  });

  it("reads id fields as names in the changes, and says who is gone", () => {
    const item = entry({ before: { assigneeId: null, projectId: GONE }, after: { assigneeId: ANA, assigneeTeamId: TEAM, projectId: GONE } });
    expect(auditChanges(item)).toEqual(["assignee: nobody → Ana", "project: a deleted project → a deleted project", "team: team Billing"]);
  });
});
