-- Events dropped at ingest per project, UTC day and reason (inbound filter or discarded issue).
CREATE TABLE "FilteredDaily" (
    "projectId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FilteredDaily_pkey" PRIMARY KEY ("projectId","day","reason")
);
