import { describe, expect, it } from "vitest";
import { erasedUserIds, escapeRegex, identifierKinds, identifierPattern, isIpAddress, normaliseIdentifiers } from "@/lib/endUsers/erasureTerms";

/** The pattern as PostgreSQL's `~*` applies it (the syntax used is the same in JavaScript). */
const finds = (pattern: string | null, text: string) => pattern !== null && new RegExp(pattern, "i").test(text);

describe("the identifiers of an end user to erase", () => {
  it("are trimmed, the email and the address in lower case, empty ones dropped", () => {
    expect(normaliseIdentifiers({ userId: "  U-42 ", email: " Ann@Shop.TEST ", ipAddress: "2001:DB8::1" })).toEqual({ userId: "U-42", email: "ann@shop.test", ipAddress: "2001:db8::1" });
    expect(normaliseIdentifiers({ userId: " ", email: "" })).toEqual({});
    expect(identifierKinds({ ipAddress: "10.0.0.1", userId: "u" })).toEqual(["userId", "ipAddress"]);
  });

  it("tell IP addresses from other text", () => {
    for (const ip of ["10.0.0.1", "255.255.255.255", "0.0.0.0", "::1", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128", "fe80::"]) expect(isIpAddress(ip), ip).toBe(true);
    for (const text of ["10.0.0", "256.1.1.1", "10.0.0.01x", "1.2.3.4.5", "ann@shop.test", "2001:db8::1::2", "12345::", ":", "1:2:3:4:5:6:7:8:9", "::ffff:999.0.2.128"]) expect(isIpAddress(text), text).toBe(false);
  });

  it("find the email as a whole address in any text, ignoring case, and not inside a longer one", () => {
    const pattern = identifierPattern({ email: "ann.lee+shop@mail.example" });
    for (const text of [
      '{"user":{"email":"ann.lee+shop@mail.example"}}',
      "https://shop.test/reset?email=ann.lee+shop@mail.example&x=1",
      "no account for ANN.LEE+SHOP@MAIL.EXAMPLE.",
      "mailto:ann.lee+shop@mail.example",
    ]) expect(finds(pattern, text), text).toBe(true);
    for (const text of ["joann.lee+shop@mail.example", "ann.lee+shop@mail.example.org", "ann.lee+shop@mail-example", "ann.lee+shopXmail.example", "ann.lee+shop@mail.examples"]) {
      expect(finds(pattern, text), text).toBe(false);
    }
  });

  it("find the IP address as a whole, not inside a longer address or number", () => {
    const v4 = identifierPattern({ ipAddress: "10.0.0.1" });
    for (const text of ['{"ip_address":"10.0.0.1"}', "from 10.0.0.1.", "X-Forwarded-For: 10.0.0.1, 172.16.0.2"]) expect(finds(v4, text), text).toBe(true);
    for (const text of ["10.0.0.12", "110.0.0.1", "10.0.0.1.5", "10a0b0c1"]) expect(finds(v4, text), text).toBe(false);
    const v6 = identifierPattern({ ipAddress: "2001:db8::1" });
    expect(finds(v6, '"2001:DB8::1"')).toBe(true);
    expect(finds(v6, "2001:db8::10")).toBe(false);
    expect(finds(v6, "fe2001:db8::1")).toBe(false);
  });

  it("match either given address, and nothing for a user id alone (matched by the events' user id only)", () => {
    const both = identifierPattern({ email: "ann@shop.test", ipAddress: "10.0.0.1" });
    expect(finds(both, "ann@shop.test")).toBe(true);
    expect(finds(both, "10.0.0.1")).toBe(true);
    expect(finds(both, "bob@shop.test 10.0.0.2")).toBe(false);
    expect(identifierPattern({ userId: "42" })).toBeNull();
  });

  it("escape what a regular expression would read as syntax", () => {
    expect(escapeRegex("a.b*c+d?(e)[f]{g}|h^i$j\\k")).toBe("a\\.b\\*c\\+d\\?\\(e\\)\\[f\\]\\{g\\}\\|h\\^i\\$j\\\\k");
    expect(new RegExp(escapeRegex("a.b")).test("axb")).toBe(false);
  });

  it("name the user ids the per-user rows may carry", () => {
    expect(erasedUserIds({ userId: "U-42", email: "ann@shop.test", ipAddress: "10.0.0.1" })).toEqual({ exact: ["U-42"], lower: ["ann@shop.test", "10.0.0.1"] });
    expect(erasedUserIds({ email: "ann@shop.test" })).toEqual({ exact: [], lower: ["ann@shop.test"] });
  });
});
