/**
 * True when a write failed because a row it references is not there (PostgreSQL's 23503, Prisma's
 * P2003, also as the cause of a wrapping error). Every foreign key of the schema cascades or sets
 * null on delete, so this always means "inserted or updated against a row that is gone": an issue
 * merged away or deleted, a project being deleted, while the request was on its way.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "23503" || code === "P2003") return true;
  }
  return false;
}
