/**
 * Text matched literally by a LIKE / ILIKE pattern (PostgreSQL's default escape character, `\`):
 * `%`, `_` and `\` escaped. Prisma's `contains`, `startsWith`, `endsWith` and an `equals` with
 * `mode: "insensitive"` are LIKE / ILIKE patterns on PostgreSQL and escape nothing themselves, so
 * every user value that reaches one goes through this (a search for `%` or `_` matched everything).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
