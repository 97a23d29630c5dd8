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
    expect(where("firstRelease:shop@1.*,web@2")).toEqual([{ OR: [{ firstRelease: "web@2" }, { firstRelease: { startsWith: "shop@1." } }] }]);
    expect(where("!firstRelease:shop@1.2.0")).toEqual([{ OR: [{ firstRelease: null }, { NOT: { firstRelease: "shop@1.2.0" } }] }]);
  });
});

describe("project", () => {
  it("matches a project by slug or name, ignoring case, exactly or by prefix; negated it keeps the other projects", () => {
    const exact = { equals: "Shop-Web", mode: "insensitive" };
    expect(where("project:Shop-Web")).toEqual([{ project: { OR: [{ OR: [{ slug: exact }, { name: exact }] }] } }]);
    const prefix = { startsWith: "mobile", mode: "insensitive" };
    expect(where('project:mobile*,"Billing service"')).toEqual([
      { project: { OR: [{ OR: [{ slug: { equals: "Billing service", mode: "insensitive" } }, { name: { equals: "Billing service", mode: "insensitive" } }] }, { OR: [{ slug: prefix }, { name: prefix }] }] } },
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

describe("values reach LIKE literally", () => {
  it("escapes % _ and \\ in free text, field words, prefixes and case-insensitive exact values", () => {
    const text = { contains: "100\\%\\_done", mode: "insensitive" };
    expect(where("100%_done")).toEqual([{ OR: [{ type: text }, { message: text }] }]);
    expect(where('message:"50%"')).toEqual([{ message: { contains: "50\\%", mode: "insensitive" } }]);
    expect(where("route:_check*")).toEqual([{ tagValues: { some: { key: "route", OR: [{ value: { startsWith: "\\_check" } }] } } }]);
    expect(where("firstRelease:%*")).toEqual([{ firstRelease: { startsWith: "\\%" } }]);
    const pct = { equals: "\\%py", mode: "insensitive" };
    expect(where("project:%py")).toEqual([{ project: { OR: [{ OR: [{ slug: pct }, { name: pct }] }] } }]);
    expect(where("category:db_*")).toEqual([{ category: { startsWith: "db\\_", mode: "insensitive" } }]);
    // Exact tag values are compared with =: nothing to escape.
    expect(where("route:a_b")).toEqual([{ tagValues: { some: { key: "route", OR: [{ value: { in: ["a_b"] } }] } } }]);
  });

  it("matches a quoted value or one ending in \\* exactly, star included", () => {
    const exact = [{ tagValues: { some: { key: "route", OR: [{ value: { in: ["/api/*"] } }] } } }];
    expect(where('route:"/api/*"')).toEqual(exact);
    expect(where("route:/api/\\*")).toEqual(exact);
    expect(where('route:"/api v2"*')).toEqual([{ tagValues: { some: { key: "route", OR: [{ value: { startsWith: "/api v2" } }] } } }]);
  });
});

describe("Sentry's keys", () => {
  it("has: and !has: for the assignee and for tags", () => {
    expect(where("has:assignee")).toEqual(where("is:assigned"));
    expect(where("!has:assignee")).toEqual([{ NOT: { OR: [{ assigneeId: { not: null } }, { assigneeTeamId: { not: null } }] } }]);
    expect(where("has:user,release")).toEqual([{ OR: [{ tagValues: { some: { key: "user" } } }, { tagValues: { some: { key: "release" } } }] }]);
    expect(where("!has:tags[k8s:pod]")).toEqual([{ NOT: { tagValues: { some: { key: "k8s:pod" } } } }]);
  });

  it("message, title, error.type and error.value search the text columns; timesSeen the event count; age the first seen", () => {
    const words = (text: string) => ({ contains: text, mode: "insensitive" });
    expect(where("message:Payment error.value:declined")).toEqual([{ message: words("Payment") }, { message: words("declined") }]);
    expect(where("error.type:TypeError")).toEqual([{ type: words("TypeError") }]);
    expect(where("title:TypeError")).toEqual(where("TypeError"));
    expect(where("times_seen:>5 timesSeen:<=2 timesSeen:7")).toEqual([{ occurrenceCount: { gt: 5 } }, { occurrenceCount: { lte: 2 } }, { occurrenceCount: { equals: 7 } }]);
    expect(where("age:-24h")).toEqual([{ firstSeen: { gte: new Date("2026-02-28T12:00:00Z") } }]);
    expect(where("platform:python,java*")).toEqual([{ OR: [{ platform: { equals: "python", mode: "insensitive" } }, { platform: { startsWith: "java", mode: "insensitive" } }] }]);
  });

  it("is:regressed means in a regression still, not ever regressed", () => {
    expect(where("is:regressed")).toEqual([{ regressed: true, status: { in: ["new", "acknowledged", "investigating"] } }]);
  });
});

describe("dates without a time are whole UTC days", () => {
  it("<= includes the day, > starts the next, < and >= start at its midnight", () => {
    expect(where("lastSeen:<=2026-12-07")).toEqual([{ lastSeen: { lte: new Date("2026-12-07T23:59:59.999Z") } }]);
    expect(where("lastSeen:>2026-12-07")).toEqual([{ lastSeen: { gt: new Date("2026-12-07T23:59:59.999Z") } }]);
    expect(where("lastSeen:<2026-12-07")).toEqual([{ lastSeen: { lt: new Date("2026-12-07T00:00:00Z") } }]);
    expect(where("lastSeen:>=2026-12-07")).toEqual([{ lastSeen: { gte: new Date("2026-12-07T00:00:00Z") } }]);
    // A time is taken as it is.
    expect(where("lastSeen:<=2026-12-07T10:00:00Z")).toEqual([{ lastSeen: { lte: new Date("2026-12-07T10:00:00Z") } }]);
  });
});

describe("an event id as free text", () => {
  it("also matches the issues holding that event", () => {
    const id = "6f1c2d3e-4a5b-46c7-8899-00aabbccddee";
    const text = { contains: id, mode: "insensitive" };
    const withEvents = termsToWhere(parseSearch(id).terms, { ...ctx, eventGroups: new Map([[id, [ANN]]]) });
    expect(withEvents).toEqual([{ OR: [{ type: text }, { message: text }, { id: { in: [ANN] } }] }]);
    expect(where(id)).toEqual([{ OR: [{ type: text }, { message: text }] }]);
  });
});
