-- AlterTable: a sealed copy of each new ingest key (AES-256-GCM under FAULTLINE_SECRET_KEY), so
-- admins can copy its DSN again. Existing keys stay without one (only their hash was ever stored).
ALTER TABLE "IngestKey" ADD COLUMN     "keySealed" TEXT;
