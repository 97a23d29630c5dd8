import type { Prisma } from "@/lib/generated/prisma/client";

/** The events tab's filters on one issue's occurrences. */
export function occurrenceFilter(groupId: string, filters: { environment?: string; release?: string; user?: string }): Prisma.ErrorOccurrenceWhereInput {
  return {
    groupId,
    ...(filters.environment && { environment: filters.environment }),
    ...(filters.release && { release: filters.release }),
    ...(filters.user && { userId: filters.user }),
  };
}
