import { z } from "zod";
import { isStorableInstant } from "@/lib/domain/storableInstant";

/**
 * An ISO 8601 date-time with offset that PostgreSQL can also hold: from 1970 to the year 9999.
 * (`0000-01-01T00:00:00Z` passes a plain ISO check but is no PostgreSQL timestamp: without this a
 * query parameter could turn into a 500.)
 */
export const storableDateTime = () =>
  z.iso.datetime({ offset: true }).refine((v) => {
    const ms = Date.parse(v);
    return Number.isNaN(ms) || isStorableInstant(ms); // what is no date at all, the ISO check already names
  }, "must be between 1970 and 9999");
