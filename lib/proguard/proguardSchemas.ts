import { z } from "zod";
import { LooseUuidSchema } from "@/lib/domain/looseUuid";
import { CHUNK_SIZE, Sha1Schema } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { IdSchema } from "@/lib/domain/idSchema";

/** The largest mapping file accepted (its text is held in memory while it is indexed). */
export const MAX_PROGUARD_BYTES = 64 * 1024 * 1024;

/** POST /api/v1/projects/:projectId/proguard?uuid= — without `uuid`, the UUID Sentry's tooling derives from the file. */
export const UploadProguardQuerySchema = z.object({ uuid: LooseUuidSchema.optional() });

export const ProguardParamsSchema = z.object({ projectId: IdSchema, uuid: LooseUuidSchema });

/** One mapping as listed (never its content). */
export const ProguardMappingDtoSchema = z.object({
  uuid: z.string(),
  size: z.number().int(),
  classCount: z.number().int(),
  createdAt: z.string(),
});
export type ProguardMappingDto = z.infer<typeof ProguardMappingDtoSchema>;

/** POST /api/0/projects/:org/:project/files/difs/assemble/ as sentry-cli sends it: each file by its SHA-1. */
export const AssembleDifsSchema = z
  .record(
    Sha1Schema,
    z.object({
      name: z.string().max(1024),
      chunks: z
        .array(Sha1Schema)
        .min(1)
        .max(Math.ceil(MAX_PROGUARD_BYTES / CHUNK_SIZE), `a file is at most ${MAX_PROGUARD_BYTES} bytes`),
      debug_id: z.string().max(128).nullish(),
    }),
  )
  .refine((files) => Object.keys(files).length <= 64, "at most 64 files per request");
export type AssembleDifsInput = z.output<typeof AssembleDifsSchema>;
