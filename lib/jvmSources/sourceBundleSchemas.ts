import { z } from "zod";
import { LooseUuidSchema } from "@/lib/domain/looseUuid";

export const SourceBundleParamsSchema = z.object({ projectId: z.uuid(), debugId: LooseUuidSchema });

/** One source bundle as listed (never its content). */
export interface SourceBundleDto {
  debugId: string;
  size: number;
  fileCount: number;
  createdAt: string;
}
