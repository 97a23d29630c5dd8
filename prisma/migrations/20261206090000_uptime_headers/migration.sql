-- Uptime monitors: request headers an endpoint needs (an Authorization token), sealed under
-- FAULTLINE_SECRET_KEY like channel and forwarding secrets ({"sealed": "v1:…"}, bound to the monitor id).
ALTER TABLE "CronMonitor" ADD COLUMN "uptimeSecrets" JSONB;
