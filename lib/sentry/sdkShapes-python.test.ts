import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { issueTitle } from "@/lib/domain/issueTitle";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  PY_DJANGO_EVENT_ID,
  pyDjangoEnvelope,
  pyDjangoEvent,
  pyLoggerExceptionEvent,
  pyLoggingCriticalEvent,
  pyLoggingStackEvent,
  pyTaskGroupEvent,
  pyWindowsLoggingEvent,
} from "@/lib/sentry/__fixtures__/sdk-python";

/**
 * What sentry-python 2.x sends (Django, logging, Celery, asyncio), through parseEnvelope →
 * unpackEnvelope → prepareEvent → culpritOf, as the Sentry door does.
 * Payload shapes: lib/sentry/__fixtures__/sdk-python.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T12:05:00.000Z");
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const culprit = (e: PreparedEvent) => culpritOf(e.frames, e.platform, e.exceptions);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];
const sentryOf = (e: PreparedEvent) => e.metadata.sentry as Record<string, unknown>;

describe("sentry-python: an unhandled error in a Django view, raised while handling another", () => {
  const contents = unpackEnvelope(parseEnvelope(pyDjangoEnvelope));
  const event = prepareEvent(contents.events[0], RECEIVED_AT);

  it("accepts the envelope (content_type and length on the item, trailing newline)", () => {
    expect(contents.eventId).toBe(PY_DJANGO_EVENT_ID);
    expect(contents.events).toHaveLength(1);
  });

  it("is titled by the exception raised last, unhandled, at error severity, at the microsecond timestamp", () => {
    expect(issueTitle(event)).toBe("PaymentError: order 8812 has no card on file");
    expect(event.severity).toBe("high");
    expect(tag(event, "handled")).toBe("no");
    expect(tag(event, "mechanism")).toBe("django");
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T11:59:58.123Z");
  });

  it("keeps the exception it was handling as the next in the chain", () => {
    expect(event.exceptions?.map((e) => [e.type, e.relation])).toEqual([
      ["PaymentError", "raised"],
      ["KeyError", "cause"],
    ]);
  });

  it("maps the frames outermost first, with module, file, line, source lines and locals", () => {
    expect(event.frames.map((f) => [f.module, f.function, f.lineno, f.inApp])).toEqual([
      ["django.core.handlers.exception", "inner", 55, false],
      ["django.core.handlers.base", "_get_response", 197, false],
      ["shop.views", "checkout", 41, true],
      ["shop.payments", "charge_order", 18, true],
      ["shop.payments", "charge_order", 20, true],
    ]);
    expect(event.frames[2]).toMatchObject({ filename: "shop/views.py", absPath: "/srv/shop/shop/views.py", contextLine: "    card = order.payment_methods['card']", vars: { order_id: "'8812'" } });
  });

  it("blames the app's innermost frame", () => {
    expect(culprit(event)).toBe("shop/payments.py in charge_order");
  });

  it("keeps the request, transaction, server, runtime and modules", () => {
    expect(sentryOf(event)).toMatchObject({ transaction: "/checkout/{order_id}", server_name: "shop-web-1", request: { method: "POST", env: { SERVER_NAME: "shop-web-1" } }, modules: { django: "5.0.3" } });
    expect(tag(event, "runtime")).toBe("CPython 3.12.3");
    expect(tag(event, "browser.name")).toBe("Firefox");
  });

  it("groups the same bug from the next release (other order, code moved down) with the first; another bug apart", () => {
    expect(prepare(pyDjangoEvent("3d8c2f1a0b9e4d7c9f6a4b3e2d1c0ba9", "9120", 4, "shop@2026.03.2")).fingerprint).toBe(event.fingerprint);
    const other = pyDjangoEvent("4e9d3a2b1c0f4e8d0a7b5c4f3e2d1cba");
    other.exception.values[1].type = "RefundError";
    expect(prepare(other).fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-python: logging", () => {
  const logged = prepare(pyLoggingStackEvent("5fae4b3c2d1a4f9e8b7c6d5e4f3a2b1c", ["8812", "bob"]));

  it("logger.error(…, stack_info=True): the formatted text, its logger, the stack from the current thread", () => {
    expect([logged.type, issueTitle(logged), logged.severity]).toEqual(["Message", "payment 8812 declined for bob", "high"]);
    expect(tag(logged, "logger")).toBe("shop.payments");
    expect(logged.frames.map((f) => f.function)).toEqual(["trace_task", "settle", "error", "_log", "handle", "callHandlers"]);
  });

  it("blames the app code that logged, not the logging module under it", () => {
    expect(culprit(logged)).toBe("shop/tasks.py in settle");
  });

  it("groups the same log call with other values on its format string; another call apart", () => {
    expect(prepare(pyLoggingStackEvent("6a0f5c4d3e2b4a1f9c8d7e6f5a4b3c2d", ["9120", "alice"])).fingerprint).toBe(logged.fingerprint);
    expect(prepare(pyLoggingStackEvent("7b1a6d5e4f3c4b2a0d9e8f7a6b5c4d3e", ["8812", "bob"], "refund")).fingerprint).not.toBe(logged.fingerprint);
  });

  it("groups the same log call from a Windows install (the standard library under Python312\\Lib) with the Linux one", () => {
    const windows = prepare(pyWindowsLoggingEvent("8c2b7e6f5a4d4c3b1e0f9a8b7c6d5e4f", "settle"));
    expect(windows.frames.at(-1)?.absPath).toMatch(/^C:\\.*\\Lib\\logging\\__init__\.py$/);
    expect(windows.fingerprint).toBe(logged.fingerprint);
  });

  it("logger.critical: level fatal, critical severity, no stack", () => {
    const critical = prepare(pyLoggingCriticalEvent);
    expect([issueTitle(critical), critical.severity, critical.frames]).toEqual(["disk /var/spool is full", "critical", []]);
  });

  it("logger.exception: titled by the exception, handled, the log line kept beside it", () => {
    const exception = prepare(pyLoggerExceptionEvent);
    expect(issueTitle(exception)).toBe("TimeoutError: [Errno 110] Connection timed out");
    expect(tag(exception, "handled")).toBe("yes");
    expect(sentryOf(exception).message).toBe("could not refund 8812");
  });
});

describe("sentry-python: an asyncio.TaskGroup's ExceptionGroup, its members' causes parented to the group", () => {
  const first = prepare(pyTaskGroupEvent(true));
  const second = prepare(pyTaskGroupEvent(false));

  it("keeps each member's cause right after its member", () => {
    expect(first.exceptions?.map((e) => e.type)).toEqual(["ExceptionGroup", "PricingError", "ReadTimeout", "UpstreamError", "ConnectError"]);
  });

  it("is one issue whichever task failed first", () => {
    expect(second.exceptions?.map((e) => e.type)).toEqual(first.exceptions?.map((e) => e.type));
    expect(second.fingerprint).toBe(first.fingerprint);
  });
});
