import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { forgetSourceBundle } from "@/lib/jvmSources/eventSourceBundles";
import { readSourceBundle, SourceBundleError } from "@/lib/jvmSources/sourceBundle";
import type { SourceBundleDto } from "@/lib/jvmSources/sourceBundleSchemas";

/**
 * Checks a JVM source bundle (throws SourceBundleError when it is not one, or names no debug ID)
 * and stores it in the project under `debugId` — the one the upload names, else its manifest's —
 * replacing what that ID had.
 */
export async function storeSourceBundle(projectId: string, archive: Buffer, debugId: string | null): Promise<SourceBundleDto> {
  const bundle = readSourceBundle(archive);
  const id = debugId ?? bundle.debugId;
  if (!id) throw new SourceBundleError("the bundle names no debug ID: build it with sentry-cli debug-files bundle-jvm --debug-id");
  const fields = { content: new Uint8Array(archive), size: archive.length, fileCount: bundle.files.size, createdAt: new Date() };
  await db().sourceBundle.upsert({ where: { projectId_debugId: { projectId, debugId: id } }, create: { id: uuidv7(), projectId, debugId: id, ...fields }, update: fields });
  forgetSourceBundle(projectId, id);
  return { debugId: id, size: fields.size, fileCount: fields.fileCount, createdAt: fields.createdAt.toISOString() };
}
