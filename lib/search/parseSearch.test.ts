import { describe, expect, it } from "vitest";
import { formatSearch } from "@/lib/search/formatSearch";
import { parseSearch } from "@/lib/search/parseSearch";
import { MAX_QUERY_LENGTH, MAX_TERMS } from "@/lib/search/searchVocabulary";

const terms = (q: string) => {
  const parsed = parseSearch(q);
  expect(parsed.errors).toEqual([]);
  return parsed.terms;
};
const errorOf = (q: string) => parseSearch(q).errors.map((e) => e.message).join(" | ");

describe("parseSearch", () => {
  it("reads every key of the syntax", () => {
    expect(
      terms('is:unresolved level:high project:shop-web category:database environment:production release:"web 1.2" user.id:u-1 assigned:me route:/checkout firstSeen:-24h'),
    ).toEqual([
      { key: "is", negated: false, values: ["unresolved"] },
      { key: "level", negated: false, values: ["high"] },
      { key: "project", negated: false, values: ["shop-web"] },
      { key: "category", negated: false, values: ["database"] },
      { key: "environment", negated: false, values: ["production"] },
      { key: "release", negated: false, values: ["web 1.2"] },
      { key: "user.id", negated: false, values: ["u-1"] },
      { key: "assigned", negated: false, values: [{ kind: "me" }] },
      { key: "tag", tag: "route", negated: false, values: ["/checkout"] },
      { key: "firstSeen", negated: false, range: { kind: "within", ms: 24 * 3_600_000, spec: "-24h" } },
    ]);
  });

  it("reads negation, comma lists, brackets and quoted free text", () => {
    expect(terms('!is:resolved,ignored level:[critical, "high"] "connection refused" timeout !flaky')).toEqual([
      { key: "is", negated: true, values: ["resolved", "ignored"] },
      { key: "level", negated: false, values: ["critical", "high"] },
      { key: "text", negated: false, text: "connection refused" },
      { key: "text", negated: false, text: "timeout" },
      { key: "text", negated: true, text: "flaky" },
    ]);
  });

  it("maps Sentry level names to severities and matches known keys case-insensitively", () => {
    expect(terms("LEVEL:fatal,Error,warning,info,debug firstseen:+7d")).toEqual([
      { key: "level", negated: false, values: ["critical", "high", "medium", "low"] },
      { key: "firstSeen", negated: false, range: { kind: "olderThan", ms: 7 * 86_400_000, spec: "+7d" } },
    ]);
  });

  it("refuses Object.prototype's names as levels (they are no level: 422, never a 500)", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) expect(errorOf(`level:${name}`)).toMatch(/level/);
  });

  it("reads absolute dates as UTC", () => {
    expect(terms("lastSeen:>=2026-01-31 firstSeen:<2026-02-01T12:30:00+02:00")).toEqual([
      { key: "lastSeen", negated: false, range: { kind: "after", inclusive: true, at: "2026-01-31T00:00:00.000Z", spec: ">=2026-01-31" } },
      { key: "firstSeen", negated: false, range: { kind: "before", inclusive: false, at: "2026-02-01T10:30:00.000Z", spec: "<2026-02-01T12:30:00+02:00" } },
    ]);
  });

  it("reads assignment to none, a member, a team and my teams", () => {
    expect(terms('assigned:none,ann@example.com,#backend,My_Teams,"#Web Platform"')).toEqual([
      {
        key: "assigned",
        negated: false,
        values: [{ kind: "none" }, { kind: "user", ref: "ann@example.com" }, { kind: "team", slug: "backend" }, { kind: "my_teams" }, { kind: "team", slug: "Web Platform" }],
      },
    ]);
  });

  it("keeps colons inside values and URLs in free text", () => {
    expect(terms('url:https://x.test/a?b=1 "https://x.test"')).toEqual([
      { key: "tag", tag: "url", negated: false, values: ["https://x.test/a?b=1"] },
      { key: "text", negated: false, text: "https://x.test" },
    ]);
  });

  it("names what is wrong, with its position", () => {
    expect(errorOf("is:sleeping")).toMatch(/is: "sleeping" is not one of unresolved/);
    expect(errorOf("level:urgent")).toMatch(/level: "urgent"/);
    expect(errorOf("release:")).toBe("release: needs a value");
    expect(errorOf("level:high,")).toBe("level: needs a value");
    expect(errorOf("firstSeen:yesterday")).toMatch(/firstSeen: "yesterday" is not a time/);
    expect(errorOf("firstSeen:-24h,-7d")).toBe("firstSeen: takes one value");
    expect(errorOf("firstSeen:-0h")).toMatch(/not a time/);
    expect(errorOf("firstSeen:>2026-13-45")).toMatch(/not a time/);
    // Year 0000 is a JavaScript date but no PostgreSQL timestamp: refused here, not a 500 from the list.
    expect(errorOf("lastSeen:<0000-01-01")).toBe('lastSeen: "<0000-01-01" must be between 1970 and 9999');
    expect(errorOf("firstSeen:>=1969-12-31T23:59:59Z")).toMatch(/between 1970 and 9999/);
    expect(errorOf("lastSeen:>9999-12-31T23:00:00-05:00")).toMatch(/between 1970 and 9999/);
    expect(terms("lastSeen:<9999-12-31")).toEqual([{ key: "lastSeen", negated: false, range: { kind: "before", inclusive: false, at: "9999-12-31T00:00:00.000Z", spec: "<9999-12-31" } }]);
    expect(errorOf('level:"high"x')).toBe('unexpected "x" after a value');
    expect(errorOf("!")).toBe("! must be followed by a term");
    expect(parseSearch("ok is:nope").errors[0]).toMatchObject({ start: 3, end: 10 });
  });

  it("survives hostile input without throwing", () => {
    const hostile = [
      "",
      "   ",
      '"',
      '"""',
      '\\"',
      "::::",
      ":value",
      "key:\"unterminated value",
      "!!!is:resolved",
      "[[[]]]",
      "level:[",
      "level:[high",
      "a:b:c:d",
      "__proto__:polluted constructor:x prototype:y",
      "tag\u0000:\u0000value\u0001\u007f",
      "\u202e\u200b🧨:💥 \ud800",
      "'; DROP TABLE \"ErrorGroup\"; --",
      "%00%27%22",
      "x".repeat(100_000),
      "a:".repeat(5_000),
      '"a\\'.repeat(2_000),
      Array.from({ length: 500 }, (_, i) => `t${i}:v`).join(" "),
    ];
    for (const q of hostile) {
      const parsed = parseSearch(q);
      expect(Array.isArray(parsed.terms)).toBe(true);
      for (const term of parsed.terms) expect(JSON.stringify(term)).not.toContain("\u0000");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf("x".repeat(MAX_QUERY_LENGTH + 1))).toMatch(/longer than 1000/);
    expect(errorOf(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(" "))).toMatch(/at most 40 terms/);
    expect(errorOf(`release:${"v".repeat(201)}`)).toMatch(/longer than 200/);
    expect(terms("tag\u0000:value")).toEqual([{ key: "text", negated: false, text: "tag" }, { key: "text", negated: false, text: ":value" }]);
  });

  it("round-trips: formatting parsed terms and parsing again gives the same terms", () => {
    const queries = [
      'is:unresolved !level:low,medium release:"web 1.2" "quoted text" word',
      'route:"/a b" msg:"say \\"hi\\"" "a:b" "!bang" back\\slash:"c\\\\d"',
      "assigned:#team,me,my_teams firstSeen:>=2026-01-31 lastSeen:-30m user.id:x,y",
      'release:"[bracket]" category:db,"with,comma"',
      'release:web@2.*,"web*","a b"*,x\\* tags[k8s:pod]:a tags["payment provider"]:b has:assignee,tags[k8s:pod] !has:release',
      "message:x title:y error.type:z timesSeen:>=4 age:+7d platform:py* route:\"/api/*\"",
    ];
    for (const q of queries) {
      const first = terms(q);
      expect(terms(formatSearch(first))).toEqual(first);
    }
  });

  it("reads a trailing * as a prefix, a quoted value or a trailing \\* as exact", () => {
    expect(terms('release:web@2.*,"web@3*",web@4\\*,"web 5"* route:*')).toEqual([
      { key: "release", negated: false, values: ["web@3*", "web@4*"], prefixes: ["web@2.", "web 5"] },
      { key: "tag", tag: "route", negated: false, values: ["*"] },
    ]);
    expect(terms("category:db*")).toEqual([{ key: "category", negated: false, values: [], prefixes: ["db"] }]);
    // Keys that take no prefix keep the star as part of the value.
    expect(errorOf("is:new*")).toMatch(/is: "new\*"/);
  });

  it("reads Sentry's tags[key]:value for any tag key, and writes it for keys key:value cannot name", () => {
    expect(terms('tags[k8s:pod]:web-1 tags["payment provider"]:stripe,"a b" !tags[level]:x tags[payment method]:card')).toEqual([
      { key: "tag", tag: "k8s:pod", negated: false, values: ["web-1"] },
      { key: "tag", tag: "payment provider", negated: false, values: ["stripe", "a b"] },
      { key: "tag", tag: "level", negated: true, values: ["x"] },
      { key: "tag", tag: "payment method", negated: false, values: ["card"] },
    ]);
    const tag = (name: string) => formatSearch([{ key: "tag", tag: name, negated: false, values: ["v"] }]);
    expect(tag("route")).toBe("route:v");
    expect(tag("k8s:pod")).toBe("tags[k8s:pod]:v");
    expect(tag("payment provider")).toBe('tags["payment provider"]:v');
    expect(tag("level")).toBe("tags[level]:v");
    expect(tag("message")).toBe("tags[message]:v");
    expect(tag('odd]"key')).toBe('tags["odd]\\"key"]:v');
    expect(errorOf("tags[]:x")).toBe("tags[]: needs a tag key");
    expect(errorOf("tags[k8s:pod]:")).toBe("k8s:pod: needs a value");
  });

  it("reads has: for the assignee, release, user, environment and tags", () => {
    expect(terms('has:assignee,release,user.id !has:environment has:route,tags[k8s:pod] has:"tags[payment provider]"')).toEqual([
      { key: "has", negated: false, values: [{ kind: "assignee" }, { kind: "tag", tag: "release" }, { kind: "tag", tag: "user" }] },
      { key: "has", negated: true, values: [{ kind: "tag", tag: "environment" }] },
      { key: "has", negated: false, values: [{ kind: "tag", tag: "route" }, { kind: "tag", tag: "k8s:pod" }] },
      { key: "has", negated: false, values: [{ kind: "tag", tag: "payment provider" }] },
    ]);
    expect(errorOf("has:level")).toMatch(/has: "level" is not supported/);
    expect(errorOf("has:")).toBe("has: needs a value");
  });

  it("reads Sentry's message, title, error.type, error.value, times_seen, age and platform", () => {
    expect(terms('message:"card declined",timeout error.value:x title:TypeError error.type:Range* times_seen:>5 timesSeen:3 age:-24h platform:python')).toEqual([
      { key: "message", negated: false, values: ["card declined", "timeout"] },
      { key: "message", negated: false, values: ["x"] },
      { key: "title", negated: false, values: ["TypeError"] },
      { key: "error.type", negated: false, values: ["Range"] },
      { key: "timesSeen", negated: false, op: ">", count: 5 },
      { key: "timesSeen", negated: false, op: "=", count: 3 },
      { key: "firstSeen", negated: false, range: { kind: "within", ms: 24 * 3_600_000, spec: "-24h" } },
      { key: "platform", negated: false, values: ["python"] },
    ]);
    expect(errorOf("times_seen:lots")).toMatch(/timesSeen: "lots" is not a count/);
    expect(errorOf("timesSeen:>1,>2")).toBe("timesSeen: takes one value");
  });

  it("refuses Sentry's keys it does not search, naming them, instead of reading them as tags nobody has", () => {
    for (const key of ["culprit", "user.email", "issue.priority", "stack.filename", "Culprit"]) expect(errorOf(`${key}:x`), key).toMatch(new RegExp(`^${key.replace(".", "\\.")}: is not supported`));
    expect(errorOf("release:latest")).toMatch(/release: "latest" .* is not supported/);
    expect(terms('release:"latest"')).toEqual([{ key: "release", negated: false, values: ["latest"] }]);
    // A tag of such a name is still searchable.
    expect(terms("tags[culprit]:x")).toEqual([{ key: "tag", tag: "culprit", negated: false, values: ["x"] }]);
    // Any other key is a tag, as before.
    expect(terms("payment_provider:stripe")).toEqual([{ key: "tag", tag: "payment_provider", negated: false, values: ["stripe"] }]);
  });

  it("reads a date without a time as the whole UTC day", () => {
    const range = (q: string) => (terms(q)[0] as { range: unknown }).range;
    expect(range("lastSeen:<=2026-12-07")).toEqual({ kind: "before", inclusive: true, at: "2026-12-07T23:59:59.999Z", spec: "<=2026-12-07" });
    expect(range("lastSeen:>2026-12-07")).toEqual({ kind: "after", inclusive: false, at: "2026-12-07T23:59:59.999Z", spec: ">2026-12-07" });
    expect(range("lastSeen:<2026-12-07")).toEqual({ kind: "before", inclusive: false, at: "2026-12-07T00:00:00.000Z", spec: "<2026-12-07" });
    expect(range("lastSeen:>=2026-12-07")).toEqual({ kind: "after", inclusive: true, at: "2026-12-07T00:00:00.000Z", spec: ">=2026-12-07" });
    expect(range("lastSeen:<=9999-12-31")).toEqual({ kind: "before", inclusive: true, at: "9999-12-31T23:59:59.999Z", spec: "<=9999-12-31" });
  });

  it("round-trips random input that parses cleanly", () => {
    const alphabet = ['a', 'b', ':', '"', ",", " ", "!", "\\", "[", "]", "-", "1", "h", "is", "level", "é", "*", "tags[", "has:", "_"];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2_000; n++) {
      const q = Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const parsed = parseSearch(q);
      if (parsed.errors.length > 0) continue;
      expect(parseSearch(formatSearch(parsed.terms)), q).toEqual(parsed);
    }
  });
});
