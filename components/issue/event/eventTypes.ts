import type { EventView } from "@/lib/errors/events/getEvent";

export type EventException = EventView["exceptions"][number];
export type EventFrame = EventException["frames"][number];
