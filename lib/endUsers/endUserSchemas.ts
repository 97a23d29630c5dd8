import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";
import { isIpAddress } from "@/lib/endUsers/erasureTerms";

/**
 * POST /api/v1/workspaces/:id/end-users/erase: who to erase, by the user id their events carry
 * (`userId`, as the SDK sent it: Sentry's `user.id`), their email address and/or their IP address —
 * at least one. Events matching any of them are erased.
 */
export const EraseEndUserSchema = z
  .object({
    userId: z.string().trim().min(1, "must not be empty").max(256).optional(),
    email: z
      .string()
      .trim()
      .max(320)
      .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), "must be an email address")
      .optional(),
    ipAddress: z
      .string()
      .trim()
      .max(64)
      .refine((v) => isIpAddress(v), "must be an IPv4 or IPv6 address")
      .optional(),
  })
  .strict()
  .refine((v) => v.userId !== undefined || v.email !== undefined || v.ipAddress !== undefined, { message: "give userId, email or ipAddress", path: ["userId"] });
export type EraseEndUserInput = z.infer<typeof EraseEndUserSchema>;

/** GET …/end-users/erasures/:erasureId. */
export const ErasureParamsSchema = z.object({ workspaceId: IdSchema, erasureId: IdSchema });
