// A tiny app with the real @sentry/node SDK, run as a child process by the Sentry API tests.
// MODE=uncaught throws at the top level; MODE=rejection leaves a promise rejection unhandled.
import * as Sentry from "@sentry/node";

Sentry.init({ dsn: process.env.SENTRY_DSN, release: "child@1.0.0", environment: "child-test" });

function chargeCard() {
  throw new Error(`card processor unreachable (${process.env.MODE})`);
}

if (process.env.MODE === "rejection") {
  Promise.reject(new RangeError("quota lookup rejected"));
  setTimeout(() => Sentry.flush(5000).then(() => process.exit(0)), 300);
} else {
  setTimeout(() => chargeCard(), 10);
}
