import { describe, expect, it } from "vitest";
import { mentionedMembers, mentionHandles } from "@/lib/notifications/commentMentions";

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
