import { z } from "zod";
import { storableDateTime } from "@/lib/http/zodTime";
import { IdSchema } from "@/lib/domain/idSchema";

/** Commits one PUT may set for a release. */
export const MAX_RELEASE_COMMITS = 1000;
/** The largest PUT …/commits body (a thousand commits with their messages and paths). */
export const MAX_RELEASE_COMMITS_BYTES = 8 * 1024 * 1024;
/** Changed paths kept per commit. */
export const MAX_COMMIT_FILES = 1000;

/** /api/v1/projects/:projectId/releases/:version/commits — the release as events carry it (trimmed, at most 200 characters). */
export const ReleaseCommitParamsSchema = z.object({
  projectId: IdSchema,
  version: z.string().trim().min(1).max(200),
});

/** One commit as `git log` gives it: its hash, first line or whole message, author, time and the paths it changed. */
export const ReleaseCommitSchema = z
  .object({
    sha: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{7,64}$/, "a commit hash: 7 to 64 hexadecimal characters")
      .transform((sha) => sha.toLowerCase()),
    message: z.string().max(10_000).default(""),
    author: z
      .object({
        name: z.string().trim().max(200).optional(),
        email: z.string().trim().max(320).optional(),
      })
      .strict()
      .optional(),
    timestamp: storableDateTime().optional(),
    files: z
      .array(z.string().trim().min(1).max(1024))
      .max(MAX_COMMIT_FILES, `at most ${MAX_COMMIT_FILES} paths per commit`)
      .default([]),
  })
  .strict();
export type ReleaseCommitInput = z.output<typeof ReleaseCommitSchema>;

/** PUT …/commits: the release's commits, newest first, replacing what was sent before. */
export const SetReleaseCommitsSchema = z
  .object({
    commits: z.array(ReleaseCommitSchema).max(MAX_RELEASE_COMMITS, `at most ${MAX_RELEASE_COMMITS} commits per release`),
  })
  .strict()
  .superRefine(({ commits }, ctx) => {
    const seen = new Set<string>();
    commits.forEach((commit, i) => {
      if (seen.has(commit.sha)) ctx.addIssue({ code: "custom", path: ["commits", i, "sha"], message: "this commit is already in the list" });
      seen.add(commit.sha);
    });
  });
export type SetReleaseCommitsInput = z.output<typeof SetReleaseCommitsSchema>;

/** A commit message's first line, as lists and resolutions show it. */
export function commitTitle(message: string): string {
  return message.split("\n", 1)[0];
}

/** A stored commit as the API shows it. */
export interface ReleaseCommitDto {
  sha: string;
  message: string;
  authorName: string | null;
  authorEmail: string | null;
  committedAt: string | null;
  files: string[];
}
