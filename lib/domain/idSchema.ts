import { z } from "zod";

/**
 * A UUID taken from a request, spelt in lower case. PostgreSQL compares UUIDs case-insensitively
 * but JavaScript compares strings exactly: without this, `[a, A]` passes a "no repeated id" check
 * and then meets itself in the database (a merge that fails with a misleading conflict).
 */
export const IdSchema = z.uuid().overwrite((value) => value.toLowerCase());
