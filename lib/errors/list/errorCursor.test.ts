import { describe, expect, it } from "vitest";
import { SORT_ORDERS } from "@/lib/domain/errorSort";
import { decodeErrorCursor, encodeErrorCursor } from "@/lib/errors/list/errorCursor";
import type { ErrorListPosition } from "@/lib/errors/list/errorListOrder";

const ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const b64 = (text: string) => Buffer.from(text).toString("base64url");
const namingCursor = expect.objectContaining({ status: 422, details: { issues: [expect.objectContaining({ path: "cursor" })] } });

const POSITIONS: ErrorListPosition[] = [
  { sort: "lastSeen", value: new Date("2026-01-02T03:04:05.678Z"), id: ID },
  { sort: "firstSeen", value: new Date("1970-01-01T00:00:00.000Z"), id: ID },
  { sort: "occurrences", value: 2_147_483_647, id: ID },
  { sort: "users", value: 0, id: ID },
  { sort: "severity", value: "critical", id: ID },
];

describe("issue list cursors", () => {
  it("round-trip every sort in both orders, and are opaque URL-safe text", () => {
    for (const at of POSITIONS) {
      for (const order of SORT_ORDERS) {
        const cursor = encodeErrorCursor(order, at);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeErrorCursor(cursor, { sort: at.sort, order })).toEqual(at);
      }
    }
  });

  it("are refused for another sort or order, naming the one they were made for", () => {
    const cursor = encodeErrorCursor("desc", POSITIONS[0]);
    expect(() => decodeErrorCursor(cursor, { sort: "firstSeen", order: "desc" })).toThrow(namingCursor);
    expect(() => decodeErrorCursor(cursor, { sort: "lastSeen", order: "asc" })).toThrow(/made for sort=lastSeen&order=desc/);
  });

  it("refuse anything that is not one of them with a 422 naming cursor", () => {
    const ok = (value: string, sort = "lastSeen") => b64(`1|${sort}|desc|${value}|${ID}`);
    const forged = [
      "",
      "x",
      "%%%",
      "not a cursor",
      b64(`1|lastSeen|desc|2026-01-02T03:04:05.678Z|${ID}|extra`),
      b64(`2|lastSeen|desc|2026-01-02T03:04:05.678Z|${ID}`),
      b64(`1|lastSeen|sideways|2026-01-02T03:04:05.678Z|${ID}`),
      b64(`1|__proto__|desc|1|${ID}`),
      b64("1|lastSeen|desc|2026-01-02T03:04:05.678Z|nope"),
      b64(`1|lastSeen|desc|2026-01-02T03:04:05.678Z|${ID.toUpperCase()}`),
      ok("0000-01-01T00:00:00.000Z"), // PostgreSQL holds no year 0
      ok("2026-02-30T00:00:00.000Z"), // no such day
      ok("2026-01-02T03:04:05Z"),
      ok("1767323045678"),
      ok("2147483648", "occurrences"), // past a 4-byte integer
      ok("-2147483649", "users"),
      ok("1e3", "users"),
      ok("01", "users"),
      ok("", "users"),
      ok("extreme", "severity"),
      ok("toString", "severity"),
      `${encodeErrorCursor("desc", POSITIONS[0])}=`, // padding: not the one spelling
      `${encodeErrorCursor("desc", POSITIONS[0])}.`,
    ];
    for (const cursor of forged) expect(() => decodeErrorCursor(cursor, { sort: "lastSeen", order: "desc" }), cursor).toThrow(namingCursor);
    expect(() => decodeErrorCursor(ok("2147483648", "occurrences"), { sort: "occurrences", order: "desc" })).toThrow(namingCursor);
    expect(() => decodeErrorCursor(ok("extreme", "severity"), { sort: "severity", order: "desc" })).toThrow(namingCursor);
  });
});
