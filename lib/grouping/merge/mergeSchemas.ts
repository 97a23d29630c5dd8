import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

export const MAX_MERGE_SOURCES = 50;

/** POST /api/v1/errors/merge */
export const MergeErrorsSchema = z
  .object({
    targetId: IdSchema,
    sourceIds: z.array(IdSchema).min(1).max(MAX_MERGE_SOURCES),
  })
  .strict()
  .refine((v) => new Set(v.sourceIds).size === v.sourceIds.length, { path: ["sourceIds"], message: "must not repeat an id" })
  .refine((v) => !v.sourceIds.includes(v.targetId), { path: ["sourceIds"], message: "must not contain the target" });
export type MergeErrorsInput = z.infer<typeof MergeErrorsSchema>;

/** POST /api/v1/errors/:id/unmerge */
export const UnmergeErrorSchema = z
  .object({
    fingerprints: z.array(z.string().trim().min(1).max(128)).min(1).max(MAX_MERGE_SOURCES),
  })
  .strict()
  .refine((v) => new Set(v.fingerprints).size === v.fingerprints.length, { path: ["fingerprints"], message: "must not repeat a fingerprint" });
export type UnmergeErrorInput = z.infer<typeof UnmergeErrorSchema>;
