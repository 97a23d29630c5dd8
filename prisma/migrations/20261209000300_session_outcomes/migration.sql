-- Release-health sessions keep the bucket they are counted in and where, so a later update of the
-- same session moves it instead of counting it again. Rows claimed before (sessions counted on a
-- final status, bucket and place unknown) get outcome 3, the worst: no update moves them again.
-- Every added column has a constant default or none: no table rewrite.
-- AlterTable
ALTER TABLE "CountedSession" ADD COLUMN     "environment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "minute" TIMESTAMPTZ(3),
ADD COLUMN     "outcome" SMALLINT NOT NULL DEFAULT 3,
ADD COLUMN     "outcomeBefore" SMALLINT,
ADD COLUMN     "release" TEXT NOT NULL DEFAULT '';

ALTER TABLE "CountedSession" ALTER COLUMN "outcome" DROP DEFAULT;
