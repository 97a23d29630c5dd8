import { DEBUG_IDS_METADATA_KEY } from "@/lib/ingest/eventSchema";

/** The event fields an issue keeps of its first event (ErrorGroup.context). */
export interface GroupContextSource {
  environment: string | null;
  release: string | null;
  agentId: string | null;
  runId: string | null;
  metadata: Record<string, unknown>;
}

/**
 * What an issue keeps of its first event besides its title and trace, for as long as the issue
 * exists (past the events' retention): environment, release, agent and run, and the source-map debug
 * IDs the event listed (the culprit's frames are mapped with them). Nothing about the end user: the
 * user, tags and metadata (Sentry user, request URL, headers, extra) stay the events' own and are
 * deleted with them; the issue page shows them from its latest stored event.
 */
export function groupContextOf(event: GroupContextSource): Record<string, unknown> {
  const debugIds = event.metadata[DEBUG_IDS_METADATA_KEY];
  const kept: Record<string, unknown> = {};
  for (const key of ["environment", "release", "agentId", "runId"] as const) if (event[key] !== null) kept[key] = event[key];
  if (debugIds && typeof debugIds === "object" && !Array.isArray(debugIds)) kept.metadata = { [DEBUG_IDS_METADATA_KEY]: debugIds };
  return kept;
}
