import { randomUUID } from "node:crypto";

const TYPES = ["TypeError", "DatabaseError", "TimeoutError", "ValidationError", "AuthError", "PaymentError"];

/** A native event as an SDK-less backend sends it: ~40 distinct errors, 5,000 users, 200 agents. */
export function nativeEvent(i: number) {
  const type = TYPES[i % TYPES.length];
  return {
    type,
    message: `${type} while handling request ${i} for user ${i % 997}`,
    stackTrace: `${type}: boom\n    at handler${i % 40} (/srv/app/src/routes/r${i % 40}.ts:${10 + (i % 7)}:5)\n    at main (/srv/app/src/index.ts:3:1)`,
    userId: `user-${i % 5000}`,
    agentId: `agent-${i % 200}`,
    environment: "production",
  };
}

const SENTRY_TYPES = ["TypeError", "ReferenceError", "RangeError", "SyntaxError"];

/** One envelope as @sentry/node sends an error: event item with exception, frames, breadcrumbs, contexts. */
export function sentryEnvelope(i: number): Buffer {
  const event = sentryEvent(i);
  const payload = JSON.stringify(event);
  return Buffer.from(`${JSON.stringify({ event_id: event.event_id, sent_at: new Date().toISOString() })}\n${JSON.stringify({ type: "event", length: Buffer.byteLength(payload) })}\n${payload}\n`);
}

/** The event of sentryEnvelope(i). */
export function sentryEvent(i: number) {
  const eventId = randomUUID().replaceAll("-", "");
  const type = SENTRY_TYPES[i % SENTRY_TYPES.length];
  const now = Date.now() / 1000;
  const event = {
    event_id: eventId,
    timestamp: now,
    platform: "node",
    level: "error",
    environment: "production",
    release: "bench@1.0.0",
    user: { id: `user-${i % 5000}` },
    tags: { agent_id: `agent-${i % 200}` },
    exception: {
      values: [
        {
          type,
          value: `${type} in handler ${i % 50} for request ${i}`,
          mechanism: { type: "generic", handled: true },
          stacktrace: {
            frames: [
              { filename: "node:internal/process/task_queues", function: "processTicksAndRejections", lineno: 95, in_app: false },
              { filename: "/srv/app/src/server.js", function: "handle", lineno: 20 + (i % 3), colno: 5, in_app: true },
              { filename: `/srv/app/src/routes/r${i % 50}.js`, function: `route${i % 50}`, lineno: 10, colno: 7, in_app: true },
            ],
          },
        },
      ],
    },
    breadcrumbs: Array.from({ length: 10 }, (_, b) => ({ timestamp: now, category: "http", message: `GET /api/items/${b}` })),
    contexts: { runtime: { name: "node", version: "v20.20.2" }, os: { name: "Linux" } },
    sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  };
  return event;
}
