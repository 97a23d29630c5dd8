import { z } from "zod";
import { EmailSchema, PasswordSchema } from "@/lib/users/userSchemas";

export const ResetTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });
export const CompletePasswordResetSchema = z.object({ password: PasswordSchema }).strict();

/** POST /api/v1/auth/forgot-password ("Forgot password?" on the sign-in page). */
export const ForgotPasswordSchema = z.object({ email: EmailSchema }).strict();
