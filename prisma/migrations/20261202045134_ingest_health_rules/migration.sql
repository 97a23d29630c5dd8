-- Alert rule kind "ingest_health": events lost (dropped or rate-limited) in a window, and the disk forecast.
ALTER TYPE "AlertRuleKind" ADD VALUE 'ingest_health';

-- ingest_health: fires when the disk forecast has fewer days left than this (null: the disk is not checked).
ALTER TABLE "AlertRule" ADD COLUMN "diskDaysLeft" INTEGER;
