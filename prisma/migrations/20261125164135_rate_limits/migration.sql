-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "projectId" UUID NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("projectId","windowStart")
);
