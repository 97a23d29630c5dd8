import { z } from "zod";

export const EventPageSize = 50;

/** GET /api/v1/errors/:id/events — filters of the events tab, newest first. */
export const ListEventsQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  environment: z.string().trim().min(1).max(64).optional(),
  release: z.string().trim().min(1).max(256).optional(),
  user: z.string().trim().min(1).max(256).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(EventPageSize),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuerySchema>;

/** GET /api/v1/errors/:id/events/export */
export const ExportEventsQuerySchema = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  environment: z.string().trim().min(1).max(64).optional(),
  release: z.string().trim().min(1).max(256).optional(),
  user: z.string().trim().min(1).max(256).optional(),
});
export type ExportEventsQuery = z.infer<typeof ExportEventsQuerySchema>;

/** GET /api/v1/errors/:id/events/latest|oldest|:eventId — navigation stays inside these filters. */
export const EventFiltersSchema = ListEventsQuerySchema.pick({ environment: true, release: true, user: true });
export type EventFilters = z.infer<typeof EventFiltersSchema>;

export const EventIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, "not an event id");
