import { describe, expect, it } from "vitest";
import { clampEvent } from "./buildEvent.js";
import { debugIdsFor } from "./debugIds.js";

const MAIN = "https://shop.example/static/js/main.js";
// What the snippet sentry-cli injects registers, as Chrome and Firefox print its stack.
const registry = {
  [`Error\n    at ${MAIN}:1:120\n    at https://shop.example/:9:3`]: "ab6f78a0-9db3-5a81-8542-e9b40a293639",
  "@https://shop.example/static/js/vendor.js:2:44\n": "c0ffee00-0000-4000-8000-000000000001",
  "Error\n    at <anonymous>:1:1": "11111111-1111-4111-8111-111111111111",
};

describe("debug IDs", () => {
  it("name the tagged files a trace mentions, by the URL the snippet's own stack gave", () => {
    const stack = `TypeError: boom\n    at o (${MAIN}:3:30)\n    at a (${MAIN}:3:219)`;
    expect(debugIdsFor([stack], registry)).toEqual({ [MAIN]: "ab6f78a0-9db3-5a81-8542-e9b40a293639" });
    expect(debugIdsFor([stack, "f@https://shop.example/static/js/vendor.js:9:1"], registry)).toEqual({
      [MAIN]: "ab6f78a0-9db3-5a81-8542-e9b40a293639",
      "https://shop.example/static/js/vendor.js": "c0ffee00-0000-4000-8000-000000000001",
    });
  });

  it("are left out when nothing is tagged or the trace names no tagged file", () => {
    expect(debugIdsFor(["at x (https://other.example/a.js:1:1)"], registry)).toBeUndefined();
    expect(debugIdsFor([undefined], registry)).toBeUndefined();
    expect(debugIdsFor(["at x (https://other.example/a.js:1:1)"], undefined)).toBeUndefined();
    expect(debugIdsFor(["at x"], "not a registry")).toBeUndefined();
  });

  it("are kept within the server's limits by clampEvent", () => {
    const event = clampEvent({ eventId: "e1", type: "E", message: "m", occurredAt: new Date().toISOString(), debugIds: { [MAIN]: "ab6f78a0-9db3-5a81-8542-e9b40a293639", "": "x", big: "y".repeat(65) } });
    expect(event.debugIds).toEqual({ [MAIN]: "ab6f78a0-9db3-5a81-8542-e9b40a293639" });
  });
});
