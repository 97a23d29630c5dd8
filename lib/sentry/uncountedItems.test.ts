import { describe, expect, it } from "vitest";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { carriesOnlyUncountedItems } from "@/lib/sentry/uncountedItems";

const envelopeOf = (...types: string[]) => parseEnvelope(Buffer.from(`{}\n${types.map((type) => `{"type":"${type}"}\n{}\n`).join("")}`));

describe("carriesOnlyUncountedItems", () => {
  it("is true for sessions, client reports and check-ins only", () => {
    expect(carriesOnlyUncountedItems(envelopeOf("session"))).toBe(true);
    expect(carriesOnlyUncountedItems(envelopeOf("sessions", "client_report"))).toBe(true);
    expect(carriesOnlyUncountedItems(envelopeOf("check_in", "check_in"))).toBe(true);
    expect(carriesOnlyUncountedItems(envelopeOf())).toBe(true);
  });

  it("is false as soon as anything else comes along: an event, feedback, an attachment, a transaction, an unknown item", () => {
    for (const other of ["event", "error", "user_report", "feedback", "attachment", "transaction", "replay_event", "statsd", "something_new"]) {
      expect(carriesOnlyUncountedItems(envelopeOf("session", other)), other).toBe(false);
    }
  });
});
