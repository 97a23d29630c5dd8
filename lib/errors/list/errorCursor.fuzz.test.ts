import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERROR_SORTS, SORT_ORDERS, type SortOrder } from "@/lib/domain/errorSort";
import { SEVERITIES } from "@/lib/domain/severity";
import { decodeErrorCursor, encodeErrorCursor } from "@/lib/errors/list/errorCursor";
import { fuzzParams, fuzzTimeout, hostileString } from "@/lib/fuzz/fuzzSettings";

const namingCursor = expect.objectContaining({ status: 422, details: { issues: [expect.objectContaining({ path: "cursor" })] } });

const position = fc.oneof(
  fc.record({ sort: fc.constantFrom("lastSeen" as const, "firstSeen" as const), value: fc.date({ min: new Date(0), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), id: fc.uuid() }),
  fc.record({ sort: fc.constantFrom("occurrences" as const, "users" as const), value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), id: fc.uuid() }),
  fc.record({ sort: fc.constant("severity" as const), value: fc.constantFrom(...SEVERITIES), id: fc.uuid() }),
);
const order = fc.constantFrom<SortOrder>(...SORT_ORDERS);

/** Decodes for every sort: each answer is a position of that sort that encodes back to the input, or a 422 naming cursor. */
function expectPositionOrRefusal(cursor: string, sortOrder: SortOrder) {
  for (const sort of ERROR_SORTS) {
    let decoded;
    try {
      decoded = decodeErrorCursor(cursor, { sort, order: sortOrder });
    } catch (error) {
      expect(error).toEqual(namingCursor);
      continue;
    }
    expect(decoded.sort).toBe(sort);
    expect(encodeErrorCursor(sortOrder, decoded)).toBe(cursor);
  }
}

describe("issue list cursors (fuzz)", () => {
  it("every position round-trips; one with a character changed is refused or is another position's one spelling", () => {
    fc.assert(
      fc.property(position, order, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (at, o, index, char) => {
        const cursor = encodeErrorCursor(o, at);
        expect(decodeErrorCursor(cursor, { sort: at.sort, order: o })).toEqual(at);
        const i = index % cursor.length;
        expectPositionOrRefusal(cursor.slice(0, i) + char + cursor.slice(i + 1), o);
      }),
      fuzzParams(300),
    );
  }, fuzzTimeout(300));

  it("any text a client sends is a position or a 422 naming cursor, never anything else", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(200), fc.base64String({ maxLength: 200 })), order, (cursor, o) => expectPositionOrRefusal(cursor, o)),
      fuzzParams(300),
    );
  }, fuzzTimeout(300));
});
