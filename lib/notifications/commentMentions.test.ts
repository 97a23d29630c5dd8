import { describe, expect, it } from "vitest";
import { mentionCandidates, mentionedMembers, mentionHandleFor, mentionHandles, mentionQueryAt, mentionSegments } from "@/lib/notifications/commentMentions";

const members = [
  { userId: "u-ana", email: "Ana.Silva@shop.test", name: "Ana Silva" },
  { userId: "u-bo", email: "bo@shop.test", name: "Bo" },
  { userId: "u-bo2", email: "bo@other.test", name: "Bo Chen" },
];

describe("mentionHandles", () => {
  it("reads handles and addresses after a start, a space or a bracket, lowercased and without trailing dots", () => {
    expect(mentionHandles("@Ana.Silva, can you look? (cc @bo@shop.test). Thanks @x.")).toEqual(["ana.silva", "bo@shop.test", "x"]);
  });

  it("does not read an email address in prose as a mention", () => {
    expect(mentionHandles("write to ana@shop.test about it")).toEqual([]);
  });

  it("keeps at most twenty", () => {
    expect(mentionHandles(Array.from({ length: 50 }, (_, i) => `@u${i}`).join(" "))).toHaveLength(20);
  });
});

describe("mentionedMembers", () => {
  it("matches a whole address, its local part or the name without spaces", () => {
    expect(mentionedMembers("@ana.silva see this", members)).toEqual(["u-ana"]);
    expect(mentionedMembers("@anasilva", members)).toEqual(["u-ana"]);
    expect(mentionedMembers("@bo@other.test", members)).toEqual(["u-bo2"]);
    expect(mentionedMembers("@bochen", members)).toEqual(["u-bo2"]);
  });

  it("names nobody for a handle two members share, or one no member has", () => {
    expect(mentionedMembers("@bo and @nobody", members)).toEqual([]);
  });

  it("names each member once", () => {
    expect(mentionedMembers("@anasilva @ana.silva@shop.test", members)).toEqual(["u-ana"]);
  });
});

describe("mentionQueryAt", () => {
  it("finds the handle being typed before the caret", () => {
    expect(mentionQueryAt("cc @An", 6)).toEqual({ start: 3, query: "an" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@bo@sh", 7)).toEqual({ start: 1, query: "bo@sh" });
  });

  it("is null when the caret is past a space, or the @ is inside a word", () => {
    expect(mentionQueryAt("@ana done", 9)).toBeNull();
    expect(mentionQueryAt("mail ana@shop", 13)).toBeNull();
  });
});

describe("mentionHandleFor and mentionCandidates", () => {
  it("uses the local part when it names one member, else the whole address", () => {
    expect(mentionHandleFor(members[0], members)).toBe("ana.silva");
    expect(mentionHandleFor(members[1], members)).toBe("bo@shop.test");
  });

  it("offers members by the start of their address or of a word of their name", () => {
    expect(mentionCandidates("si", members).map((m) => m.userId)).toEqual(["u-ana"]);
    expect(mentionCandidates("bo", members).map((m) => m.userId)).toEqual(["u-bo", "u-bo2"]);
    expect(mentionCandidates("", members, 2)).toHaveLength(2);
  });
});

describe("mentionSegments", () => {
  it("marks the mentions of members and keeps every other character as it was", () => {
    const body = "@ana.silva, see this. cc @nobody and (@bochen).";
    const segments = mentionSegments(body, members);
    expect(segments).toEqual([
      { text: "@ana.silva", userId: "u-ana" },
      { text: ", see this. cc @nobody and (" },
      { text: "@bochen", userId: "u-bo2" },
      { text: ")." },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(body);
  });
});
