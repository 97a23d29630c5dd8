import { z } from "zod";
import { PasswordSchema } from "@/lib/users/userSchemas";

export const ResetTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const CompletePasswordResetSchema = z.object({ password: PasswordSchema }).strict();
