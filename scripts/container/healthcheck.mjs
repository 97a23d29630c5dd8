#!/usr/bin/env node
// The image's HEALTHCHECK: healthy when GET /api/health answers 200 (the app is up and reaches PostgreSQL).
const port = process.env.PORT?.trim() || "3000";
// Under the image's HEALTHCHECK --timeout and docker-compose.yml's healthcheck timeout (15 s each): a
// busy instance answers late but is not unhealthy.
const controller = AbortSignal.timeout(14_000);
fetch(`http://127.0.0.1:${port}/api/health`, { signal: controller })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
