import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { issueTitle } from "@/lib/domain/issueTitle";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { RUBY_RAILS_EVENT_ID, rubyMessageEvent, rubyRailsEnvelope, rubyRailsEvent, rubySidekiqEvent } from "@/lib/sentry/__fixtures__/sdk-ruby";

/**
 * What sentry-ruby 5.x (Rails, Sidekiq) sends, through parseEnvelope → unpackEnvelope →
 * prepareEvent → culpritOf, as the Sentry door does.
 * Payload shapes: lib/sentry/__fixtures__/sdk-ruby.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T12:05:00.000Z");
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const culprit = (e: PreparedEvent) => culpritOf(e.frames, e.platform, e.exceptions);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];

describe("sentry-rails: an unhandled NoMethodError in a request", () => {
  const contents = unpackEnvelope(parseEnvelope(rubyRailsEnvelope));
  const event = prepareEvent(contents.events[0], RECEIVED_AT);

  it("accepts the envelope (no item length, no trailing newline)", () => {
    expect(contents.eventId).toBe(RUBY_RAILS_EVENT_ID);
  });

  it("is titled by the exception without error_highlight's code snippet, unhandled, at the whole-second time", () => {
    expect(issueTitle(event)).toBe("NoMethodError: undefined method 'price' for nil (NoMethodError)");
    expect(tag(event, "handled")).toBe("no");
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T11:59:58.000Z");
  });

  it("reads the frames outermost first, gems not in-app, the integer user id as the user", () => {
    expect(event.frames.map((f) => [f.function, f.inApp])).toEqual([
      ["block in spawn_thread", false],
      ["send_action", false],
      ["show", true],
      ["total", true],
      ["block in Order#total", true],
    ]);
    expect(event.userId).toBe("4412");
  });

  it("blames the app's innermost frame", () => {
    expect(culprit(event)).toBe("app/models/order.rb in block in Order#total");
  });

  it("groups the same bug from Ruby 3.3 (another backtrace format), code moved, with the 3.4 one", () => {
    expect(prepare(rubyRailsEvent({ eventId: "3e4f5a6b7c8d49e0f1a2b3c4d5e6f7a8", ruby34: false, shift: 3, release: "9a4d3b2" })).fingerprint).toBe(event.fingerprint);
  });
});

describe("sentry-sidekiq: a job's error with its cause", () => {
  const job = prepare(rubySidekiqEvent);

  it("is titled by the raised ActiveRecord error, PG's error as its cause", () => {
    expect(job.exceptions?.map((e) => [e.type, e.relation])).toEqual([
      ["ActiveRecord::ConnectionNotEstablished", "raised"],
      ["PG::ConnectionBad", "cause"],
    ]);
    expect(tag(job, "transaction")).toBe("Sidekiq/InvoiceJob");
  });

  it("blames the job, not Sidekiq or ActiveRecord", () => {
    expect(culprit(job)).toBe("app/jobs/invoice_job.rb in perform");
  });
});

describe("sentry-ruby: capture_message with attach_stacktrace", () => {
  it("is a warning message whose culprit is the app frame that captured it", () => {
    const message = prepare(rubyMessageEvent);
    expect([message.type, issueTitle(message), message.severity]).toEqual(["Message", "Stock low for SKU 12", "medium"]);
    expect(culprit(message)).toBe("app/services/stock_check.rb in call");
  });
});
