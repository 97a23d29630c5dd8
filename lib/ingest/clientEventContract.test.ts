import { describe, expect, expectTypeOf, it } from "vitest";
import { buildEvent, clampEvent, shrinkEvent } from "@/packages/client/src/core/buildEvent";
import { describeThrown } from "@/packages/client/src/core/describeThrown";
import { Scope } from "@/packages/client/src/core/scope";
import type { FaultlineEvent, Severity as ClientSeverity } from "@/packages/client/src/core/types";
import type { Severity } from "@/lib/domain/severity";
import { IngestEventSchema, type IngestEventInput } from "@/lib/ingest/eventSchema";
import { MAX_EVENT_BYTES } from "@/lib/ingest/parseIngestBody";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

/**
 * @faultline/client has no runtime dependencies, so it cannot import the server's zod schema: this
 * test holds its event type and every event it builds to that schema, the one source of truth.
 */
describe("@faultline/client events meet the ingest schema", () => {
  it("has the server's types", () => {
    expectTypeOf<FaultlineEvent>().toExtend<IngestEventInput>();
    expectTypeOf<ClientSeverity>().toEqualTypeOf<Severity>();
  });

  const defaults = () => {
    const scope = new Scope();
    scope.setUser({ id: "u".repeat(400) });
    scope.setTag("t".repeat(300), "v".repeat(2000));
    scope.setContext("circular", ((): Record<string, unknown> => {
      const o: Record<string, unknown> = { a: 1 };
      o.self = o;
      return o;
    })());
    return { options: { environment: "e".repeat(100), release: "r".repeat(300), tags: { n: Number.NaN } }, scope, runtime: { name: "node" } };
  };

  const thrownValues: unknown[] = [
    new TypeError("x is undefined"),
    new Error("checkout failed", { cause: new Error("card declined", { cause: { code: 7 } }) }),
    new AggregateError([new RangeError("r".repeat(20_000)), 5], "all failed"),
    Object.assign(new Error("m".repeat(20_000)), { name: "  " }),
    "a string",
    42,
    null,
    { weird: Symbol("s"), big: 10n, when: new Date(0), fn: () => 1 },
  ];

  for (const thrown of thrownValues) {
    it(`accepts what it builds for ${typeof thrown === "object" ? (thrown as object)?.constructor?.name ?? "null" : typeof thrown}`, () => {
      const event = buildEvent(describeThrown(thrown), { severity: "fatal", category: " ", fingerprint: ["{{ default }}", "x".repeat(600)], recovery: { recovered: true, method: "retry", durationMs: 1.7, automatic: true } }, defaults());
      const parsed = IngestEventSchema.safeParse(event);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    });
  }

  it("keeps an event with huge free-form parts within the server's per-event limit", () => {
    const rows = Array.from({ length: 100 }, (_, i) => Object.fromEntries(Array.from({ length: 30 }, (_, c) => [`col${c}`, `行 ${i} `.padEnd(4000, "字")])));
    const tags = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`tag${i}`, "v".repeat(900)]));
    const chain = new Error("outer", { cause: new Error("inner") });
    (chain.cause as Error).stack = "Error: inner\n" + "    at frame (file.js:1:1)\n".repeat(20_000);
    const event = buildEvent(describeThrown(chain), { context: { rows }, metadata: { rows }, tags }, { options: {}, scope: new Scope(), runtime: {} });
    expect(IngestEventSchema.safeParse(event).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(MAX_EVENT_BYTES);
    expect(Buffer.byteLength(JSON.stringify(shrinkEvent(event)))).toBeLessThan(64 * 1024);
  });

  it("repairs what beforeSend may break", () => {
    const broken = { eventId: "not valid!", type: "", message: 5, occurredAt: "yesterday", parentEventId: "also bad", recovery: { recovered: false, durationMs: -3 } } as unknown as FaultlineEvent;
    const parsed = IngestEventSchema.safeParse(clampEvent(broken));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("sends linked errors as the chain: each with its frames, its own trace text under a label, in the fingerprint", () => {
    const prepared = (thrown: unknown) => prepareEvent(IngestEventSchema.parse(buildEvent(describeThrown(thrown), {}, { options: {}, scope: new Scope(), runtime: {} })));
    const fail = (cause: string) => new Error("checkout failed", { cause: new TypeError(cause) });
    const event = prepared(fail("card 4242 declined"));
    expect(event.exceptions?.map((e) => [e.relation, e.type, e.message, e.frames.length > 0])).toEqual([
      ["raised", "Error", "checkout failed", true],
      ["cause", "TypeError", "card 4242 declined", true],
    ]);
    expect(event.stackTrace).toMatch(/^Error: checkout failed\n\s+at [^]*\nCaused by: TypeError: card 4242 declined\n\s+at /);
    expect(prepared(fail("card 1111 declined")).fingerprint).toBe(event.fingerprint);
    expect(prepared(new Error("checkout failed")).fingerprint).not.toBe(event.fingerprint);
    const aggregate = prepared(new AggregateError([new RangeError("a")], "all failed"));
    expect(aggregate.exceptions?.map((e) => e.relation)).toEqual(["raised", "member"]);
    expect(aggregate.stackTrace).toContain("\nSub-exception: RangeError: a\n");
  });
});
