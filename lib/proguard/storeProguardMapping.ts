import { gzipSync } from "node:zlib";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { forgetProguardMapping } from "@/lib/proguard/eventProguardMappings";
import { ProguardMapping } from "@/lib/proguard/proguardMapping";
import { proguardUuid } from "@/lib/proguard/proguardUuid";
import type { ProguardMappingDto } from "@/lib/proguard/proguardSchemas";

/**
 * Checks a mapping file (throws ProguardMappingError when it is not one) and stores it in each
 * project under `uuid` — or, without one, the UUID Sentry's tooling derives from its bytes —
 * replacing what was stored under that UUID. Events naming the UUID are retraced with it from now
 * on (on every instance within the mapping cache's 10 s).
 */
export async function storeProguardMapping(projectIds: string[], content: Buffer, uuid?: string): Promise<ProguardMappingDto> {
  const mapping = new ProguardMapping(content.toString("utf8"));
  const fields = { content: gzipSync(content), size: content.length, classCount: mapping.classCount, createdAt: new Date() };
  const id = uuid ?? proguardUuid(content);
  await db().$transaction(
    projectIds.map((projectId) =>
      db().proguardMapping.upsert({ where: { projectId_uuid: { projectId, uuid: id } }, create: { id: uuidv7(), projectId, uuid: id, ...fields }, update: fields }),
    ),
  );
  for (const projectId of projectIds) forgetProguardMapping(projectId, id);
  return { uuid: id, size: fields.size, classCount: fields.classCount, createdAt: fields.createdAt.toISOString() };
}
