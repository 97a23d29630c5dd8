import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { issueTitle } from "@/lib/domain/issueTitle";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  GO_WRAPPED_EVENT_ID,
  goJoinEvent,
  goRuntimePanicEvent,
  goStringPanicEvent,
  goTrimpathEvent,
  goWrappedEnvelope,
  goWrappedEvent,
} from "@/lib/sentry/__fixtures__/sdk-go";

/**
 * What sentry-go sends, through parseEnvelope → unpackEnvelope → prepareEvent → culpritOf, as the
 * Sentry door does. Payload shapes: lib/sentry/__fixtures__/sdk-go.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T12:05:00.000Z");
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const culprit = (e: PreparedEvent) => culpritOf(e.frames, e.platform, e.exceptions);

describe("sentry-go: an error wrapped with fmt.Errorf(%w)", () => {
  const contents = unpackEnvelope(parseEnvelope(goWrappedEnvelope));
  const event = prepareEvent(contents.events[0], RECEIVED_AT);

  it("accepts the envelope (dsn and sdk in the header, bare exception list, RFC 3339 time with an offset)", () => {
    expect(contents.eventId).toBe(GO_WRAPPED_EVENT_ID);
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T11:59:58.123Z");
  });

  it("is titled by the outermost error, its wrapped error after it", () => {
    expect(issueTitle(event)).toBe("*fmt.wrapError: load order A-17: sql: no rows in result set");
    expect(event.exceptions?.map((e) => [e.type, e.relation])).toEqual([
      ["*fmt.wrapError", "raised"],
      ["*errors.errorString", "cause"],
    ]);
  });

  it("keeps the capture site's frames: function without its package, the package as module", () => {
    expect(event.frames.at(-1)).toMatchObject({ module: "github.com/harborfoods/orders/internal/api", function: "(*Handler).GetOrder.func1", absPath: "/src/orders/internal/api/orders.go", lineno: 64, inApp: true });
  });

  it("blames the app's handler, not the router from the module cache that the SDK marks in-app", () => {
    expect(culprit(event)).toBe("internal/api/orders.go in (*Handler).GetOrder.func1");
  });

  it("groups the same failure for another order, code moved, with the first", () => {
    expect(prepare(goWrappedEvent("f0e1d2c3b4a54766a7b8c9d0e1f2a3b4", "B-99", 3)).fingerprint).toBe(event.fingerprint);
  });

  it("keeps another root cause captured at the same place apart (Go's plain errors carry no stack of their own)", () => {
    expect(prepare(goWrappedEvent("a0b1c2d3e4f54766a7b8c9d0e1f2a3b4", "A-17", 0, "context deadline exceeded")).fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-go: panics recovered by sentryhttp", () => {
  it("a runtime error is an exception at level fatal, blamed on the function that panicked", () => {
    const panic = prepare(goRuntimePanicEvent);
    expect([panic.type, panic.severity]).toEqual(["runtime.boundsError", "critical"]);
    expect(culprit(panic)).toBe("internal/pricing/lines.go in lineTotal");
  });

  it("panic(\"…\") with a string is a fatal message", () => {
    const panic = prepare(goStringPanicEvent);
    expect([panic.type, issueTitle(panic), panic.severity]).toEqual(["Message", "inventory went negative", "critical"]);
  });
});

describe("sentry-go: errors.Join", () => {
  const join = prepare(goJoinEvent("stock"));

  it("keeps every joined error, each told apart by its text", () => {
    expect(join.exceptions?.map((e) => e.message)).toEqual(["stock for sku 12 went negative\nno price for sku 12", "no price for sku 12", "stock for sku 12 went negative"]);
  });

  it("is one issue whichever error was joined first", () => {
    expect(prepare(goJoinEvent("price")).fingerprint).toBe(join.fingerprint);
  });
});

describe("sentry-go: a -trimpath build", () => {
  it("reads module paths as files and keeps the module cache's frames out of the culprit although marked in-app", () => {
    const trimmed = prepare(goTrimpathEvent);
    expect(trimmed.frames.map((f) => f.filename)).toEqual(["net/http/server.go", "github.com/gin-gonic/gin@v1.10.0/context.go", "github.com/harborfoods/orders/internal/api/orders.go"]);
    expect(culprit(trimmed)).toBe("internal/api/orders.go in (*Handler).GetOrder");
  });
});
