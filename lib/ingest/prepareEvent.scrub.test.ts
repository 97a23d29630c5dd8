import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { FILTERED } from "@/lib/ingest/scrub";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

const PASSWORD = "hunter2SECRETpw";
const CARD = "4111 1111 1111 1111";
const BEARER = "Bearer abcDEF123456789tokenXYZ";
const STRIPE = "sk_live_ABCDEFGHijklmnop1234";

describe("prepareEvent scrubs identifiers and labels, not only messages and data", () => {
  it("hides secrets a client put in user, agent and run ids, environment, release, platform, category, source and recovery method", () => {
    const event = prepareEvent(
      IngestEventSchema.parse({
        type: "LeakError",
        userId: `user password=${PASSWORD} ${CARD}`,
        agentId: `agent ${BEARER}`,
        runId: `run ${STRIPE}`,
        environment: `env-${STRIPE}`,
        release: `web@1.0 token=${PASSWORD}`,
        platform: `node ${STRIPE}`,
        category: `db password=${PASSWORD}`,
        source: `src ${STRIPE}`,
        recovery: { recovered: true, method: `retry password=${PASSWORD}` },
      }),
    );
    const stored = JSON.stringify(event);
    for (const secret of [PASSWORD, CARD, "abcDEF123456789tokenXYZ", STRIPE]) expect(stored).not.toContain(secret);
    expect(event.userId).toBe(`user password=${FILTERED} ${FILTERED}`);
    expect(event.agentId).toBe(`agent Bearer ${FILTERED}`);
    expect(event.release).toBe(`web@1.0 token=${FILTERED}`);
    expect(event.recoveryMethod).toBe(`retry password=${FILTERED}`);
  });

  it("hides secrets in tag and context keys", () => {
    const event = prepareEvent(IngestEventSchema.parse({ type: "E", tags: { [`k password=${PASSWORD}`]: "v", [STRIPE]: "w" }, context: { sessions: { [CARD]: 1 } } }));
    expect(JSON.stringify(event)).not.toMatch(new RegExp(`${PASSWORD}|${STRIPE}|${CARD}`));
    expect(event.tags).toEqual({ [`k password=${FILTERED}`]: FILTERED, [FILTERED]: "w" });
  });

  it("leaves ordinary identifiers as they are", () => {
    const event = prepareEvent(IngestEventSchema.parse({ type: "E", userId: "u-42", agentId: "agent-7", runId: "run_2026-01-31", environment: "production", release: "web@2.4.0+build.17", platform: "python", category: "database", source: "api" }));
    expect(event).toMatchObject({ userId: "u-42", agentId: "agent-7", runId: "run_2026-01-31", environment: "production", release: "web@2.4.0+build.17", platform: "python", category: "database", source: "api" });
  });

  it("hides them in what a Sentry SDK sent as user id, release and environment", () => {
    const mapped = mapSentryEvent({ level: "error", user: { id: `u ${CARD}` }, release: `r password=${PASSWORD}`, environment: `e ${STRIPE}`, tags: { [`t ${STRIPE}`]: "v" }, exception: { values: [{ type: "E" }] } }).events[0];
    const event = prepareEvent(IngestEventSchema.parse(mapped));
    expect(JSON.stringify(event)).not.toMatch(new RegExp(`${PASSWORD}|${STRIPE}|${CARD}`));
    expect(event.userId).toBe(`u ${FILTERED}`);
  });
});
