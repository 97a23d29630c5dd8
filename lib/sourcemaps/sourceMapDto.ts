import type { SourceMap } from "@/lib/generated/prisma/client";

/** A stored source map as lists show it (never its content). */
export function toSourceMapDto(row: Pick<SourceMap, "id" | "release" | "url" | "debugId" | "size" | "sourceCount" | "createdAt">) {
  return { id: row.id, release: row.release, url: row.url, debugId: row.debugId, size: row.size, sourceCount: row.sourceCount, createdAt: row.createdAt.toISOString() };
}

export type SourceMapSummary = ReturnType<typeof toSourceMapDto>;
