-- Uptime monitors: a cron monitor with a URL is checked by Faultline itself (the uptime-checks job);
-- each check is a run whose detail says what the URL answered.
ALTER TABLE "CronMonitor" ADD COLUMN "url" TEXT;
ALTER TABLE "CronCheckIn" ADD COLUMN "detail" TEXT;
CREATE INDEX "CronMonitor_uptime_due_idx" ON "CronMonitor" ("nextExpectedAt") WHERE "url" IS NOT NULL;
