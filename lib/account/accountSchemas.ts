import { z } from "zod";
import { CurrentPasswordSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";

export const UpdateAccountSchema = z.object({ name: PersonNameSchema }).strict();
export type UpdateAccountInput = z.infer<typeof UpdateAccountSchema>;

export const ChangePasswordSchema = z.object({ currentPassword: CurrentPasswordSchema, newPassword: PasswordSchema }).strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SessionParamsSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, "must be a session id") });
