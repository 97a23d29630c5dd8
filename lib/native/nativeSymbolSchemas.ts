import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** The largest symbol file accepted (its text is held in memory while it is indexed). */
export const MAX_NATIVE_SYMBOL_BYTES = 64 * 1024 * 1024;

export const NativeSymbolParamsSchema = z.object({ projectId: IdSchema, debugId: z.string().min(1).max(80) });

/** One symbol file as listed (never its content). */
export const NativeSymbolFileDtoSchema = z.object({
  debugId: z.string(),
  name: z.string(),
  os: z.string(),
  arch: z.string(),
  size: z.number().int(),
  functionCount: z.number().int(),
  createdAt: z.string(),
});
export type NativeSymbolFileDto = z.infer<typeof NativeSymbolFileDtoSchema>;
