import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { issueTitle } from "@/lib/domain/issueTitle";

const STATUS: Record<string, string> = { critical: "critical", high: "error", medium: "warn", low: "info" };

/**
 * One Datadog log entry per event (logs intake v2: a JSON array). Reserved attributes carry the
 * meaning: status, service, ddsource, ddtags, error.kind / error.message / error.stack, usr.id.
 */
export function datadogBody(event: ForwardedEvent, options: { service?: string; source?: string; tags?: string }): string {
  const tags = [
    event.environment && `env:${event.environment}`,
    `severity:${event.severity}`,
    `category:${event.category}`,
    `faultline_project:${event.projectId}`,
    event.release && `version:${event.release}`,
    options.tags,
  ].filter(Boolean);
  return JSON.stringify([
    {
      ddsource: options.source ?? "faultline",
      ddtags: tags.join(","),
      hostname: "faultline",
      service: options.service ?? event.source,
      status: STATUS[event.severity] ?? "error",
      message: issueTitle(event),
      date: Date.parse(event.occurredAt),
      error: { kind: event.type, message: event.message, ...(event.stackTrace && { stack: event.stackTrace }) },
      ...(event.userId && { usr: { id: event.userId } }),
      faultline: { eventId: event.eventId, groupId: event.groupId, parentEventId: event.parentEventId, recovery: event.recovery, tags: event.tags },
    },
  ]);
}
