import { z } from "zod";
import { LinkUrlSchema } from "@/lib/http/httpUrlSchema";
import { storableDateTime } from "@/lib/http/zodTime";

const Version = z.string().trim().min(1).max(200);
const ProjectRefs = z.array(z.string().trim().min(1).max(200)).max(50);
/** A release's or deploy's `url`: shown to every member as a link, so http(s) only and without credentials, as an issue's links (422 naming `url`). */
const ReleaseUrl = LinkUrlSchema;

/** /api/0/organizations/:org/releases/:version/ — the version as sentry-cli sends it (percent-encoded in the path). */
export const DeclaredReleaseParamsSchema = z.object({ org: z.string().min(1).max(200), version: Version });

/** POST /api/0/organizations/:org/releases/ — sentry-cli's `releases new` (and the first step of `set-commits`). */
export const NewReleaseSchema = z.object({
  version: Version,
  projects: ProjectRefs.min(1, "name at least one project"),
  url: ReleaseUrl.optional(),
  dateStarted: storableDateTime().optional(),
  dateReleased: storableDateTime().optional(),
});

/** One commit as `sentry-cli releases set-commits --local` reads it from git. */
const GitCommitSchema = z.object({
  id: z.string(),
  repository: z.string().max(500).optional(),
  message: z.string().max(10_000).nullish(),
  author_name: z.string().max(200).nullish(),
  author_email: z.string().max(320).nullish(),
  timestamp: storableDateTime().nullish(),
  patch_set: z.array(z.object({ path: z.string(), type: z.string().optional() })).default([]),
});

/** PUT /api/0/organizations/:org/releases/:version/ — `releases finalize` (dateReleased), `set-commits --local` (commits), `--clear` (refs: []). */
export const UpdateReleaseSchema = z.object({
  projects: ProjectRefs.optional(),
  url: ReleaseUrl.nullish(),
  dateReleased: storableDateTime().nullish(),
  refs: z.array(z.object({ repository: z.string(), commit: z.string(), previousCommit: z.string().nullish() })).max(100).optional(),
  commits: z.array(GitCommitSchema).max(10_000).optional(),
  status: z.enum(["open", "archived"]).optional(),
});

export type NewReleaseInput = z.output<typeof NewReleaseSchema>;
export type UpdateReleaseInput = z.output<typeof UpdateReleaseSchema>;
export type SentryGitCommit = z.output<typeof GitCommitSchema>;

/** POST /api/0/organizations/:org/releases/:version/deploys/ — `sentry-cli deploys new`. */
export const NewDeploySchema = z.object({
  environment: z.string().trim().min(1).max(64),
  name: z.string().trim().max(200).nullish(),
  url: ReleaseUrl.nullish(),
  dateStarted: storableDateTime().nullish(),
  dateFinished: storableDateTime().nullish(),
  projects: ProjectRefs.nullish(),
});

export type NewDeployInput = z.output<typeof NewDeploySchema>;
