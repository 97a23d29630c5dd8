import { z } from "zod";
import { LinkUrlSchema } from "@/lib/http/httpUrlSchema";

/**
 * One code mapping: frames whose path starts with `stackRoot` ("/srv/app/", "app/", "" for every
 * path) link to `sourceRoot` + the rest of the path in the repository at `repositoryUrl`
 * (GitHub, GitLab, Bitbucket or Azure DevOps, by its host; or a template with {ref}, {path} and
 * {line} for anything else), at the event's release when it names a commit, else `defaultBranch`.
 */
export const CodeMappingSchema = z
  .object({
    stackRoot: z.string().trim().max(300),
    sourceRoot: z.string().trim().max(300).default(""),
    repositoryUrl: LinkUrlSchema,
    defaultBranch: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\s~^:?*[\\]+$/, "a branch name such as main")
      .default("main"),
  })
  .strict();
export type CodeMapping = z.output<typeof CodeMappingSchema>;

export const CodeMappingsSchema = z.array(CodeMappingSchema).max(20, "at most 20 code mappings");

/** Stored mappings (JSON) as settings; what no longer parses is left out. */
export function readCodeMappings(stored: unknown): CodeMapping[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = CodeMappingSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
