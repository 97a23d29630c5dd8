import { z } from "zod";

export const ListAuditQuerySchema = z.object({
  /** An action ("member.role_changed") or a prefix of one ending in "." ("member."). */
  action: z.string().trim().max(80).regex(/^[a-z_.]*$/, "letters, underscores and dots").optional(),
  targetType: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuerySchema>;
