import { describe, expect, it } from "vitest";
import { chooseRecipients, type ParticipationReason, type RecipientContext } from "@/lib/notifications/chooseRecipients";
import { DEFAULT_PREFERENCES } from "@/lib/notifications/notificationKinds";
import type { WorkflowSource } from "@/lib/notifications/workflowSources";

const source = (over: Partial<WorkflowSource>): WorkflowSource => ({
  sourceId: "s",
  workspaceId: "w",
  groupId: "g",
  actorId: "u-actor",
  kind: "regressed",
  audience: "participants",
  detail: {},
  ...over,
});

const ctx = (over: Partial<RecipientContext> = {}): RecipientContext => ({
  participants: new Map<string, Set<ParticipationReason>>([
    ["u-actor", new Set(["commenter"])],
    ["u-assignee", new Set(["assignee"])],
    ["u-gone", new Set(["resolver"])],
  ]),
  teamMembers: new Map([["t1", ["u-t1", "u-t2", "u-actor"]]]),
  members: new Set(["u-actor", "u-assignee", "u-t1", "u-t2", "u-named"]),
  preferences: new Map(),
  ...over,
});

describe("chooseRecipients", () => {
  it("tells the participants who are still members, never whoever caused it", () => {
    expect(chooseRecipients(source({}), ctx())).toEqual([{ userId: "u-assignee", kind: "regressed", delivery: "email" }]);
  });

  it("tells named people and every member of a named team", () => {
    const out = chooseRecipients(source({ kind: "assigned", audience: { users: ["u-named"], teams: ["t1"] } }), ctx());
    expect(out.map((r) => r.userId).sort()).toEqual(["u-named", "u-t1", "u-t2"]);
  });

  it("follows each person's delivery for the kind, and skips those who turned it off", () => {
    const preferences = new Map([
      ["u-t1", { ...DEFAULT_PREFERENCES, assigned: "off" as const }],
      ["u-t2", { ...DEFAULT_PREFERENCES, assigned: "inbox" as const }],
    ]);
    const out = chooseRecipients(source({ kind: "assigned", audience: { users: [], teams: ["t1"] } }), ctx({ preferences }));
    expect(out).toEqual([{ userId: "u-t2", kind: "assigned", delivery: "inbox" }]);
  });

  it("uses the defaults: comments in the inbox only", () => {
    expect(chooseRecipients(source({ kind: "commented" }), ctx())).toEqual([{ userId: "u-assignee", kind: "commented", delivery: "inbox" }]);
  });
});
