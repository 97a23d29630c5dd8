import { describe, expect, it } from "vitest";
import { auditSources, commentSources, type IssueAuditEntry } from "@/lib/notifications/workflowSources";

const entry = (over: Partial<IssueAuditEntry>): IssueAuditEntry => ({
  id: "a1",
  workspaceId: "w",
  groupId: "g",
  actorId: "u-actor",
  actorType: "user",
  action: "error.updated",
  after: {},
  ...over,
});

describe("auditSources", () => {
  it("tells a newly assigned person or team, naming the rule that did it", () => {
    expect(auditSources(entry({ after: { assigneeId: "u1" } }))).toEqual([
      { sourceId: "a1", workspaceId: "w", groupId: "g", actorId: "u-actor", kind: "assigned", audience: { users: ["u1"], teams: [] }, detail: {} },
    ]);
    const [rule] = auditSources(entry({ action: "error.auto_assigned", actorId: null, actorType: "system", after: { assigneeId: null, assigneeTeamId: "t1", ruleName: "Payments" } }));
    expect(rule).toMatchObject({ kind: "assigned", audience: { users: [], teams: ["t1"] }, detail: { ruleName: "Payments" } });
  });

  it("tells nobody of an unassignment", () => {
    expect(auditSources(entry({ after: { assigneeId: null, assigneeTeamId: null } }))).toEqual([]);
  });

  it("tells the participants of a regression and of a person's resolution, the new assignee first", () => {
    expect(auditSources(entry({ action: "error.regressed", actorId: null, actorType: "system" })).map((s) => [s.kind, s.audience])).toEqual([["regressed", "participants"]]);
    expect(auditSources(entry({ action: "error.resolved", after: { status: "resolved", assigneeId: "u2" } })).map((s) => s.kind)).toEqual(["assigned", "resolved"]);
  });

  it("does not tell anyone that Faultline resolved an issue itself", () => {
    expect(auditSources(entry({ action: "error.resolved", actorId: null, actorType: "system" }))).toEqual([]);
  });

  it("reads an entry whose after is not an object as no change", () => {
    expect(auditSources(entry({ after: null }))).toEqual([]);
    expect(auditSources(entry({ after: ["assigneeId"] }))).toEqual([]);
  });
});

describe("commentSources", () => {
  it("names the mentioned first, then the participants, with a one-line excerpt", () => {
    const sources = commentSources({ id: "c1", workspaceId: "w", groupId: "g", authorId: "u-a", body: `@bo look\n\n${"x".repeat(300)}` }, ["u-bo"]);
    expect(sources.map((s) => [s.kind, s.audience])).toEqual([
      ["mentioned", { users: ["u-bo"], teams: [] }],
      ["commented", "participants"],
    ]);
    expect(sources[0].detail.excerpt).toMatch(/^@bo look x+…$/);
    expect(sources[0].detail.excerpt.length).toBe(160);
  });

  it("only tells the participants when nobody is mentioned", () => {
    expect(commentSources({ id: "c1", workspaceId: "w", groupId: "g", authorId: null, body: "fixed in #42" }, []).map((s) => s.kind)).toEqual(["commented"]);
  });
});
