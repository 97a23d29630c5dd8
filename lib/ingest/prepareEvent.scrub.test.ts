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

describe("prepareEvent keeps release directories in paths (review s54)", () => {
  const RELEASE = "20261207093000"; // Capistrano's release name; passes Luhn

  it("in a text trace and the frames read from it, a card number in its message still hidden", () => {
    const text = `TypeError: x is undefined for 4111111111111111\n    at render (/var/www/releases/${RELEASE}/src/view.js:10:5)\n    at main (/var/www/releases/${RELEASE}/src/main.js:3:1)`;
    const event = prepareEvent(IngestEventSchema.parse({ type: "TypeError", message: "x is undefined", stackTrace: text, platform: "node" }));
    expect(event.stackTrace).toContain(`/var/www/releases/${RELEASE}/src/view.js:10:5`);
    expect(event.stackTrace).toContain(`x is undefined for ${FILTERED}`);
    expect(event.frames.map((f) => f.absPath ?? f.filename)).toEqual([`/var/www/releases/${RELEASE}/src/main.js`, `/var/www/releases/${RELEASE}/src/view.js`]);
  });

  it("in a client's structured frames: the file path as sent, whatever its digits; card numbers in the frame's variables hidden", () => {
    const frame = { function: "render", filename: "src/view.js", absPath: `/srv/builds/4111111111111111/src/view.js`, lineno: 10, vars: { card: CARD } };
    const event = prepareEvent(IngestEventSchema.parse({ type: "TypeError", message: "x", stackTrace: [frame], platform: "node" }));
    expect(event.frames[0]).toMatchObject({ absPath: "/srv/builds/4111111111111111/src/view.js" });
    expect(event.exceptions?.[0].frames[0]).toMatchObject({ absPath: "/srv/builds/4111111111111111/src/view.js" });
    expect(JSON.stringify(event)).not.toContain(CARD);
  });
});
