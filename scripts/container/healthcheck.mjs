#!/usr/bin/env node
// The image's HEALTHCHECK: healthy when GET /api/health answers 200 (the app is up and reaches PostgreSQL).
const port = process.env.PORT ?? "3000";
const controller = AbortSignal.timeout(4000);
fetch(`http://127.0.0.1:${port}/api/health`, { signal: controller })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
