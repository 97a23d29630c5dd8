import { z } from "zod";
import { isUuid } from "@/lib/ids/uuidv7";
import { slugify } from "@/lib/workspaces/slugify";

/** A project's slug names it to sentry-cli (SENTRY_PROJECT, /api/0/projects/:org/:project/…) and to searches (`project:<slug>`). */
export const MAX_PROJECT_SLUG = 50;

const ONLY_DIGITS = /^\d+$/;

/**
 * A new project's slug before it is made unique in its workspace: its name's slug (slugify);
 * `project` for a name without Latin letters or digits (`支付服务`, `Заказы`); `project-<n>` for a
 * name of digits only, which would read as a DSN project id where sentry-cli names a project.
 */
export function projectSlugBase(name: string): string {
  const slug = slugify(name, "project");
  return ONLY_DIGITS.test(slug) ? `project-${slug}` : slug;
}

/** `base` when no project of the workspace has it, else the first of `base-2`, `base-3`, … that none has. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A slug an admin chooses (PATCH /api/v1/projects/:id {slug}): lower-case letters, digits and single
 * hyphens; never digits only (a DSN project id) nor a UUID (a project id), which sentry-cli's
 * `--project` would find first.
 */
export const ProjectSlugSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_PROJECT_SLUG)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens, e.g. checkout-api")
  .refine((slug) => !ONLY_DIGITS.test(slug), "must not be digits only (that reads as a DSN project id)")
  .refine((slug) => !isUuid(slug), "must not be a UUID (that reads as a project id)");
