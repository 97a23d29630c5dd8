import { gunzipSync } from "node:zlib";
import { storedArtifactCache } from "@/lib/cache/storedArtifactCache";
import { ProguardMapping, ProguardMappingError } from "@/lib/proguard/proguardMapping";

/**
 * ProGuard mappings by project and UUID, as events need them: each instance asks for a UUID at most
 * every 10 s (an upload on another instance is seen within that), reads and indexes a mapping once,
 * and keeps up to 64 MB of their text (lib/cache/storedArtifactCache.ts).
 */
const mappings = storedArtifactCache<ProguardMapping>({
  name: "ProGuard mappings",
  table: "ProguardMapping",
  idColumn: "uuid",
  idType: "uuid",
  parse: (content) => new ProguardMapping(gunzipSync(content).toString("utf8")),
  Unreadable: ProguardMappingError,
});

/**
 * The uploaded mappings of the UUIDs an event names, in the order it names them, and the UUIDs
 * without one. Never throws: while PostgreSQL is unavailable what was last read stands (the event
 * is stored as received when nothing was).
 */
export function proguardMappingsFor(projectId: string, uuids: string[], now?: number): Promise<{ found: ProguardMapping[]; missing: string[] }> {
  return mappings.get(projectId, uuids, now);
}

/** Drops what this instance knows of a project's mapping (after an upload or delete here). */
export function forgetProguardMapping(projectId: string, uuid: string): void {
  mappings.forget(projectId, uuid);
}
