import { z } from "zod";

/** Latest instant accepted anywhere (end of year 9999): beyond it a timestamp is garbage. */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * An ISO 8601 date-time with offset that PostgreSQL can also hold: from 1970 to the year 9999.
 * (`0000-01-01T00:00:00Z` passes a plain ISO check but is no PostgreSQL timestamp: without this a
 * query parameter could turn into a 500.)
 */
export const storableDateTime = () =>
  z.iso.datetime({ offset: true }).refine((v) => {
    const ms = Date.parse(v);
    return ms >= 0 && ms <= MAX_MS;
  }, "must be between 1970 and 9999");
