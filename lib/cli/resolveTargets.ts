import { z } from "zod";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { db } from "@/lib/db/prisma";
import { isUuid } from "@/lib/ids/uuidv7";
import { zodIssues } from "@/lib/http/zodIssues";

/** A flag's value through a zod schema; an invalid value is a usage error naming the flag. */
export function flagValue<S extends z.ZodType>(flag: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new CliError(EXIT.usage, `--${flag}: ${zodIssues(result.error)[0]?.message ?? "invalid value"}`);
}

/** A workspace by id or slug (one being deleted only with `deleting`: it is no workspace to add to any more). */
export async function findWorkspace(ref: string, options: { deleting?: boolean } = {}) {
  const workspace = await db().workspace.findFirst({ where: { ...(isUuid(ref) ? { id: ref } : { slug: ref }), ...(!options.deleting && { deletingAt: null }) } });
  if (!workspace) throw new CliError(EXIT.notFound, `no workspace with id or slug "${ref}"`);
  return workspace;
}

export async function findUserByEmail(email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new CliError(EXIT.notFound, `no user with email ${email}`);
  return user;
}

/** A project by id or by its numeric DSN id; one being deleted (hidden, its keys revoked) is not found. */
export async function findProjectRef(ref: string) {
  const project = isUuid(ref)
    ? await db().project.findFirst({ where: { id: ref, deletingAt: null } })
    : /^\d{1,9}$/.test(ref)
      ? await db().project.findFirst({ where: { publicId: Number(ref), deletingAt: null } })
      : null;
  if (!project) throw new CliError(EXIT.notFound, `no project with id or DSN project id "${ref}"`);
  return project;
}
