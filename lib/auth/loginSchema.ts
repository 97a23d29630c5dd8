import { z } from "zod";

/** POST /api/v1/auth/login */
export const LoginSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
