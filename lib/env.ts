import { z } from "zod";

/** Server configuration, validated once. A bad value is a clear message at boot, not a crash later. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
