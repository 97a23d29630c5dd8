import { describe, expect, it } from "vitest";
import { isValues, positiveValues, setValues, toggleIsValue } from "@/lib/search/editSearch";
import { needsTagKeys, serverValuesKey, suggest, suggestionContext } from "@/lib/search/suggest";

describe("suggestions", () => {
  it("offers keys while a key is typed, with what they mean", () => {
    const s = suggest("le", 2);
    expect(s[0]).toMatchObject({ label: "level:", query: "level:", cursor: 6 });
    expect(s[0].detail).toMatch(/severity/);
    expect(suggest("", 0).map((x) => x.label)).toContain("is:");
    expect(suggest("ro", 2, { tagKeys: ["route", "release"] }).map((x) => x.label)).toEqual(["route:"]);
  });

  it("offers values after a colon, replacing only the last value of a list", () => {
    expect(suggest("is:un", 5).map((x) => x.label)).toEqual(["unresolved", "unassigned"]);
    expect(suggest("is:un", 5)[0]).toMatchObject({ query: "is:unresolved ", cursor: 14 });
    expect(suggest("level:high,cr", 13)[0]).toMatchObject({ label: "critical", query: "level:high,critical " });
    expect(suggest("environment:pr x", 14, { values: ["production", "preview", "staging"] }).map((x) => x.query)).toEqual(["environment:production x", "environment:preview x"]);
    expect(suggest('release:"my', 11, { values: ["my app 1.0"] })[0].query).toBe('release:"my app 1.0" ');
    expect(suggest("assigned:", 9, { assignees: ["ann@x.test"] }).map((x) => x.label)).toEqual(["me", "my_teams", "none", "ann@x.test"]);
  });

  it("offers tag keys the search cannot name as key: as tags[key]:, so every offered key finds its issues", () => {
    const tagKeys = ["route", "payment provider", "k8s:pod", "level", "user", "environment"];
    expect(suggest("pay", 3, { tagKeys }).map((x) => x.query)).toEqual(['tags["payment provider"]:']);
    expect(suggest("k8", 2, { tagKeys }).map((x) => x.query)).toEqual(["tags[k8s:pod]:"]);
    expect(suggest("tags[k", 6, { tagKeys }).map((x) => x.query)).toEqual(["tags[k8s:pod]:"]);
    // A tag named like a key of the syntax is offered as a tag too; user and environment are user.id: and environment:.
    expect(suggest("lev", 3, { tagKeys }).map((x) => x.label)).toEqual(["level:", "tags[level]:"]);
    expect(suggest("us", 2, { tagKeys }).map((x) => x.label)).toEqual(["user.id:"]);
  });

  it("offers values of tags[key]: from the server by that key, and has:'s targets", () => {
    const ctx = suggestionContext("tags[is]:op", 11);
    expect(ctx).toMatchObject({ kind: "value", key: "is", tag: true, prefix: "op" });
    expect(serverValuesKey(ctx)).toBe("is");
    expect(suggest("tags[is]:op", 11, { values: ["open", "closed"] }).map((x) => x.query)).toEqual(["tags[is]:open "]);
    expect(serverValuesKey(suggestionContext("is:", 3))).toBeNull();
    expect(serverValuesKey(suggestionContext("route:", 6))).toBe("route");
    expect(needsTagKeys(suggestionContext("has:", 4))).toBe(true);
    expect(suggest("has:", 4, { tagKeys: ["route", "k8s:pod", "user"] }).map((x) => x.label)).toEqual(["assignee", "release", "user", "environment", "route", "tags[k8s:pod]"]);
  });

  it("a key named like Object.prototype's members offers its values, not the prototype's", () => {
    expect(suggest("constructor:", 12, { values: ["x"] }).map((x) => x.label)).toEqual(["x"]);
    expect(suggest("__proto__:", 10)).toEqual([]);
  });

  it("finds the context at the cursor, not at the end", () => {
    expect(suggestionContext("is:resolved lev release:1", 15)).toEqual({ kind: "key", prefix: "lev", start: 12, end: 15 });
    expect(suggestionContext("!level:hi", 9)).toMatchObject({ kind: "value", key: "level", prefix: "hi" });
    expect(suggestionContext("", 0)).toEqual({ kind: "key", prefix: "", start: 0, end: 0 });
  });
});

describe("search edits", () => {
  it("toggles status values inside one is: term and keeps the rest", () => {
    expect(toggleIsValue("timeout level:high", "resolved")).toBe("timeout level:high is:resolved");
    expect(toggleIsValue("is:resolved timeout", "ignored")).toBe("is:resolved,ignored timeout");
    expect(toggleIsValue("is:resolved,ignored timeout", "resolved")).toBe("is:ignored timeout");
    expect(toggleIsValue("is:ignored", "ignored")).toBe("");
    expect(isValues("is:new !is:resolved")).toEqual(["new"]);
  });

  it("sets and clears a key's values; a broken query is appended to, not lost", () => {
    expect(setValues("is:unresolved", "category", ["database"])).toBe("is:unresolved category:database");
    expect(setValues("category:db is:new", "category", [])).toBe("is:new");
    expect(positiveValues('category:"a b" !category:c', "category")).toEqual(["a b"]);
    expect(setValues("level:", "category", ["x"])).toBe("level: category:x");
  });
});
