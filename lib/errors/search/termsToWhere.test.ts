import { describe, expect, it } from "vitest";
import { assigneeWhere, termsToWhere, type SearchContext } from "@/lib/errors/search/termsToWhere";
import { parseSearch } from "@/lib/search/parseSearch";

const ME = "11111111-1111-4111-8111-111111111111";
const ANN = "22222222-2222-4222-8222-222222222222";
const TEAM = "33333333-3333-4333-8333-333333333333";
const ctx: SearchContext = {
  userId: ME,
  members: new Map([["ann@example.com", ANN]]),
  teams: new Map([["backend", [TEAM]]]),
  now: new Date("2026-03-01T12:00:00Z"),
};
const where = (query: string) => termsToWhere(parseSearch(query).terms, ctx);

describe("assignment search terms", () => {
  it("mean the same as the list's assigned / assigneeId / teamId parameters", () => {
    expect(where("assigned:me")).toEqual([assigneeWhere({ kind: "person", id: ME })]);
    expect(where("assigned:my_teams")).toEqual([assigneeWhere({ kind: "myTeams", userId: ME })]);
    expect(where("assigned:none")).toEqual([assigneeWhere({ kind: "none" })]);
    expect(where("assigned:ann@example.com")).toEqual([assigneeWhere({ kind: "person", id: ANN })]);
    expect(where("assigned:#Backend")).toEqual([assigneeWhere({ kind: "teams", ids: [TEAM] })]);
  });

  it("unassigned means neither a person nor a team, and is:unassigned agrees with assigned:none", () => {
    expect(assigneeWhere({ kind: "none" })).toEqual({ assigneeId: null, assigneeTeamId: null });
    expect(where("is:unassigned")).toEqual(where("assigned:none"));
    expect(where("is:assigned")).toEqual([{ OR: [{ assigneeId: { not: null } }, { assigneeTeamId: { not: null } }] }]);
  });

  it("spells negations out so unassigned issues are not lost to SQL NULL", () => {
    expect(where("!assigned:#backend")).toEqual([{ AND: [{ OR: [{ assigneeTeamId: null }, { assigneeTeamId: { notIn: [TEAM] } }] }] }]);
    expect(where("!assigned:me")).toEqual([{ AND: [{ OR: [{ assigneeId: null }, { assigneeId: { not: ME } }] }] }]);
  });

  it("matches nothing for me / my_teams without a signed-in user", () => {
    const anonymous = termsToWhere(parseSearch("assigned:me,my_teams").terms, { ...ctx, userId: null });
    expect(JSON.stringify(anonymous)).not.toContain(ME);
  });
});

describe("firstRelease", () => {
  it("matches the issue's first release exactly or by prefix, and its negation keeps issues without one", () => {
    expect(where("firstRelease:shop@1.2.0")).toEqual([{ firstRelease: "shop@1.2.0" }]);
    expect(where("firstRelease:shop@1.*,web@2")).toEqual([{ OR: [{ firstRelease: { startsWith: "shop@1." } }, { firstRelease: "web@2" }] }]);
    expect(where("!firstRelease:shop@1.2.0")).toEqual([{ OR: [{ firstRelease: null }, { NOT: { firstRelease: "shop@1.2.0" } }] }]);
  });
});

describe("project", () => {
  it("matches a project by slug or name, ignoring case, exactly or by prefix; negated it keeps the other projects", () => {
    const exact = { equals: "Shop-Web", mode: "insensitive" };
    expect(where("project:Shop-Web")).toEqual([{ project: { OR: [{ OR: [{ slug: exact }, { name: exact }] }] } }]);
    const prefix = { startsWith: "mobile", mode: "insensitive" };
    expect(where('project:mobile*,"Billing service"')).toEqual([
      { project: { OR: [{ OR: [{ slug: prefix }, { name: prefix }] }, { OR: [{ slug: { equals: "Billing service", mode: "insensitive" } }, { name: { equals: "Billing service", mode: "insensitive" } }] }] } },
    ]);
    expect(where("!project:shop-web")).toEqual([{ NOT: { project: { OR: [{ OR: [{ slug: { equals: "shop-web", mode: "insensitive" } }, { name: { equals: "shop-web", mode: "insensitive" } }] }] } } }]);
  });
});

describe("tag terms within a window", () => {
  const since = new Date("2026-02-28T12:00:00Z");
  const until = new Date("2026-03-01T12:00:00Z");
  const windowed = (query: string) => termsToWhere(parseSearch(query).terms, { ...ctx, window: { since, until } });

  it("select issues with an event of that value in the window (the rollup's first / last seen of the value)", () => {
    const seen = { lastSeen: { gte: since }, firstSeen: { lte: until } };
    expect(windowed("environment:staging")).toEqual([{ tagValues: { some: { key: "environment", OR: [{ value: { in: ["staging"] } }], ...seen } } }]);
    expect(windowed("user.id:u-1")).toEqual([{ tagValues: { some: { key: "user", OR: [{ value: { in: ["u-1"] } }], ...seen } } }]);
    expect(windowed("!release:web@1")).toEqual([{ NOT: { tagValues: { some: { key: "release", OR: [{ value: { in: ["web@1"] } }], ...seen } } } }]);
  });

  it("mean 'ever seen' without a window, and only bound the side that is given", () => {
    expect(where("environment:staging")).toEqual([{ tagValues: { some: { key: "environment", OR: [{ value: { in: ["staging"] } }] } } }]);
    const sinceOnly = termsToWhere(parseSearch("route:/a").terms, { ...ctx, window: { since } });
    expect(sinceOnly).toEqual([{ tagValues: { some: { key: "route", OR: [{ value: { in: ["/a"] } }], lastSeen: { gte: since } } } }]);
  });
});
