-- Uptime monitors: what a check asserts besides reaching the URL (expected status codes, a keyword,
-- a timeout, the certificate-expiry warning), read through UptimeCheckSchema (defaults for what is absent).
ALTER TABLE "CronMonitor" ADD COLUMN "uptimeCheck" JSONB NOT NULL DEFAULT '{}';
