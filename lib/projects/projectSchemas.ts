import { z } from "zod";

export const ProjectParamsSchema = z.object({ projectId: z.uuid() });
export const IngestKeyParamsSchema = z.object({ projectId: z.uuid(), keyId: z.uuid() });

export const CreateIngestKeySchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export type CreateIngestKeyInput = z.infer<typeof CreateIngestKeySchema>;
