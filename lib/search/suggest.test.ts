import { describe, expect, it } from "vitest";
import { isValues, positiveValues, setValues, toggleIsValue } from "@/lib/search/editSearch";
import { suggest, suggestionContext } from "@/lib/search/suggest";

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
