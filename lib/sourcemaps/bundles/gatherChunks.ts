import { createHash } from "node:crypto";
import { db } from "@/lib/db/prisma";

/** A file sentry-cli uploaded in chunks: the chunks still missing, the file put together, or what is wrong with it. */
export type GatheredFile = { missing: string[] } | { content: Buffer } | { error: string };

/**
 * Puts together a file from the chunks a workspace uploaded (POST …/chunk-upload/), in the order
 * named: the checksums not uploaded (yet), or the file once all are here — checked against its
 * size limit and its SHA-1 checksum.
 */
export async function gatherChunks(workspaceId: string, chunks: string[], checksum: string, maxBytes: number): Promise<GatheredFile> {
  const wanted = [...new Set(chunks)];
  const rows = await db().uploadChunk.findMany({ where: { workspaceId, checksum: { in: wanted } }, select: { checksum: true, content: true } });
  const have = new Map(rows.map((r) => [r.checksum, Buffer.from(r.content)]));
  const missing = wanted.filter((c) => !have.has(c));
  if (missing.length > 0) return { missing };
  const content = Buffer.concat(chunks.map((c) => have.get(c)!));
  if (content.length > maxBytes) return { error: `the file is ${content.length} bytes; at most ${maxBytes} are accepted` };
  if (createHash("sha1").update(content).digest("hex") !== checksum) return { error: "the chunks do not add up to the file's checksum" };
  return { content };
}
