import { z } from "zod";
import { TimeZonePreferenceSchema } from "@/lib/domain/timeZone";
import { CurrentPasswordSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";

/** PATCH /api/v1/account: your name, how times are shown to you (null: UTC), or both. */
export const UpdateAccountSchema = z
  .object({ name: PersonNameSchema.optional(), timeZone: TimeZonePreferenceSchema.optional() })
  .strict()
  .refine((input) => input.name !== undefined || input.timeZone !== undefined, { message: "give name or timeZone", path: ["name"] });
export type UpdateAccountInput = z.infer<typeof UpdateAccountSchema>;

export const ChangePasswordSchema = z.object({ currentPassword: CurrentPasswordSchema, newPassword: PasswordSchema }).strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SessionParamsSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "must be a session id") });
