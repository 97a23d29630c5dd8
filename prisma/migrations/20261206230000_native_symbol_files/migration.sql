-- Breakpad symbol files (dump_syms' .sym) by the debug ID of the binary they describe.
CREATE TABLE "NativeSymbolFile" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "debugId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "os" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "functionCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NativeSymbolFile_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "NativeSymbolFile_projectId_debugId_key" ON "NativeSymbolFile"("projectId", "debugId");

ALTER TABLE "NativeSymbolFile" ADD CONSTRAINT "NativeSymbolFile_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
