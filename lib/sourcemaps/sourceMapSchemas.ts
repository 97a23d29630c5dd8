import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** The largest source map accepted, uncompressed (bundles of large apps reach a few MB). */
export const MAX_SOURCE_MAP_BYTES = 32 * 1024 * 1024;

/** The minified file a map belongs to: its full URL, or "~/path" for that path on any host (or an absolute file path, for Node). */
export const SourceMapUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((url) => /^(?:[a-z][a-z0-9+.-]*:\/\/|~\/|\/)/i.test(url), "must be the minified file's URL (https://…), ~/path for any host, or an absolute path");

/** `release` may be left out when the map carries its own debug ID (it is then found by that alone). */
export const UploadSourceMapQuerySchema = z.object({
  release: z.string().trim().min(1).max(200).optional(),
  url: SourceMapUrlSchema,
});

export const ListSourceMapsQuerySchema = z.object({ release: z.string().trim().min(1).max(200).optional() });

export const SourceMapParamsSchema = z.object({ projectId: IdSchema, sourceMapId: IdSchema });
