import { z } from "zod";
import { SensitiveFieldsSchema } from "@/lib/ingest/sensitiveFields";
import { CodeMappingsSchema } from "@/lib/projects/codeMappings/codeMappingSchema";
import { IdSchema } from "@/lib/domain/idSchema";
import { ProjectSlugSchema } from "@/lib/projects/projectSlug";
import { normaliseAllowedOrigin } from "@/lib/sentry/allowedOrigins";

export const ProjectParamsSchema = z.object({ projectId: IdSchema });
export const IngestKeyParamsSchema = z.object({ projectId: IdSchema, keyId: IdSchema });

export const CreateIngestKeySchema = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export type CreateIngestKeyInput = z.infer<typeof CreateIngestKeySchema>;

export const PLATFORMS = ["javascript", "node", "python", "java", "go", "ruby", "dotnet", "php", "rust", "elixir", "dart", "native", "lua", "perl", "ocaml", "haskell", "julia", "zig", "crystal", "nim", "other"] as const;
export const PlatformSchema = z.enum(PLATFORMS);

export const ProjectNameSchema = z.string().trim().min(1, "must not be empty").max(100);

/** Days a project keeps its occurrences (rollups and issue counts are kept longer). */
export const RetentionDaysSchema = z.number().int().min(1).max(3650);

export const CreateProjectSchema = z.object({ name: ProjectNameSchema, platform: PlatformSchema.optional() }).strict();
export type CreateProjectInput = z.infer<typeof CreateProjectSchema>;

/**
 * A browser origin for CORS (lib/sentry/allowedOrigins.ts): `*`, scheme://host[:port], a domain with
 * its subdomains (`https://*.example.com`), either without a scheme; saved normalised (no default
 * port), and refused (422) when it could never match an origin.
 */
const OriginSchema = z
  .string()
  .trim()
  .max(200)
  .transform((s, ctx) => {
    const origin = normaliseAllowedOrigin(s);
    if (origin === null) {
      ctx.addIssue({ code: "custom", message: "must be an origin like https://app.example.com, a domain with its subdomains like https://*.example.com, or *" });
      return z.NEVER;
    }
    return origin;
  });

export const UpdateProjectSchema = z
  .object({
    /** Renaming keeps the slug (sentry-cli's SENTRY_PROJECT, `project:<slug>` searches, assignment rules name it). */
    name: ProjectNameSchema.optional(),
    /** The slug, changed only when sent: unique in the workspace (409 naming `slug`). */
    slug: ProjectSlugSchema.optional(),
    platform: PlatformSchema.nullable().optional(),
    allowedOrigins: z.array(OriginSchema).max(50).optional(),
    rateLimitPerMinute: z.number().int().min(1).max(10_000_000).nullable().optional(),
    retentionDays: RetentionDaysSchema.optional(),
    /** Events accepted per minute / per UTC day on both ingest doors (429 over them); null: no quota. */
    quotaPerMinute: z.number().int().min(1).max(100_000_000).nullable().optional(),
    quotaPerDay: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
    /** Spike protection: during a spike, hot issues keep 1 in K occurrences (counts stay exact). */
    spikeProtection: z.boolean().optional(),
    /** Per-issue cap: past this many stored occurrences an issue keeps its first, its latest and a sample; null: no cap. */
    maxEventsPerIssue: z.number().int().min(1).max(100_000_000).nullable().optional(),
    /** Additional sensitive fields: values under keys containing them are hidden at ingest (lib/ingest/sensitiveFields.ts). */
    sensitiveFields: SensitiveFieldsSchema.optional(),
    /** Code mappings: frames link to their source in the repository (lib/projects/codeMappings); replaces the list. */
    codeMappings: CodeMappingsSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateProjectInput = z.infer<typeof UpdateProjectSchema>;

/** Deleting a project needs its name typed again. */
export const DeleteProjectSchema = z.object({ confirmName: z.string().min(1).max(100) }).strict();
export type DeleteProjectInput = z.infer<typeof DeleteProjectSchema>;
