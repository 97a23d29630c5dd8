import { z } from "zod";
import { CurrentPasswordSchema } from "@/lib/users/userSchemas";

/** POST /api/v1/auth/login */
export const LoginSchema = z.object({ email: z.string().trim().min(1).max(320), password: CurrentPasswordSchema });
