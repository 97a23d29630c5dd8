import { z } from "zod";

/** What the error list can be ordered by. */
export const ERROR_SORTS = ["lastSeen", "firstSeen", "occurrences", "users", "severity"] as const;
export const ErrorSortSchema = z.enum(ERROR_SORTS);
export type ErrorSort = z.infer<typeof ErrorSortSchema>;

export const SORT_ORDERS = ["asc", "desc"] as const;
export const SortOrderSchema = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrderSchema>;
