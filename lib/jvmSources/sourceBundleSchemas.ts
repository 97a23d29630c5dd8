import { z } from "zod";
import { LooseUuidSchema } from "@/lib/domain/looseUuid";
import { IdSchema } from "@/lib/domain/idSchema";

export const SourceBundleParamsSchema = z.object({ projectId: IdSchema, debugId: LooseUuidSchema });

/** One source bundle as listed (never its content). */
export interface SourceBundleDto {
  debugId: string;
  size: number;
  fileCount: number;
  createdAt: string;
}
