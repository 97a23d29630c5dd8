import { describe, expect, it } from "vitest";
import { describeAudit } from "@/components/issue/describeAudit";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

type Entry = ErrorDetails["audit"][number];
const ANA = { id: "0190a000-0000-7000-8000-000000000001", name: "Ana", email: "ana@example.com" };
const BO = { id: "0190a000-0000-7000-8000-000000000002", name: "Bo", email: "bo@example.com" };

const entry = (patch: Partial<Entry>): Entry => ({
  id: "a1",
  action: "error.updated",
  actorType: "user",
  actor: ANA,
  assignee: null,
  before: null,
  after: null,
  issues: [],
  at: "2026-12-04T12:00:00.000Z",
  ...patch,
});
const names = new Map([ANA, BO].map((u) => [u.id, u.name]));
const nameOf = (id: string) => names.get(id) ?? null;

describe("describeAudit (an issue's trail)", () => {
  it("names whom an issue was assigned to, themselves for one's own", () => {
    expect(describeAudit(entry({ after: { assigneeId: BO.id } }), nameOf)).toBe("assigned it to Bo");
    expect(describeAudit(entry({ after: { assigneeId: ANA.id } }), nameOf)).toBe("assigned it to themselves");
    expect(describeAudit(entry({ after: { assigneeId: "0190a000-0000-7000-8000-000000000009" } }), nameOf)).toBe("assigned it");
    expect(describeAudit(entry({ after: { assigneeId: null } }), nameOf)).toBe("unassigned it");
  });

  it("says why Faultline took someone off it (they left the workspace or the team, or became a viewer)", () => {
    expect(describeAudit(entry({ before: { assigneeId: BO.id }, after: { assigneeId: null, reason: "member_removed" } }), nameOf)).toBe(
      "unassigned it (the assignee was removed from the workspace)",
    );
    expect(describeAudit(entry({ after: { assigneeId: null, reason: "member_left" } }), nameOf)).toBe("unassigned it (the assignee left the workspace)");
    expect(describeAudit(entry({ after: { assigneeId: null, reason: "left_team" } }), nameOf)).toBe("unassigned it (the assignee is no longer in the team)");
    expect(describeAudit(entry({ after: { assigneeId: null, reason: "became_viewer" } }), nameOf)).toBe("unassigned it (the assignee became a viewer)");
    expect(describeAudit(entry({ after: { assigneeId: null, reason: "constructor" } }), nameOf)).toBe("unassigned it");
  });

  it("words conditions and rules", () => {
    expect(describeAudit(entry({ action: "error.ignored", after: { statusDetails: { ignoreCount: 1 } } }), nameOf)).toBe("ignored it until 1 more event");
    expect(describeAudit(entry({ action: "error.resolved", after: { statusDetails: { inNextRelease: true } } }), nameOf)).toBe("resolved it in the next release");
    expect(describeAudit(entry({ action: "error.auto_assigned", actor: null, actorType: "system", after: { assigneeId: BO.id, ruleName: "Billing" } }), nameOf)).toBe(
      "assigned it to Bo by the rule “Billing”",
    );
  });
});
