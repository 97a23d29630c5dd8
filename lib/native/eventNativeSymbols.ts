import { gunzipSync } from "node:zlib";
import { storedArtifactCache } from "@/lib/cache/storedArtifactCache";
import { BreakpadSymbols, BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";

/**
 * Breakpad symbol files by project and debug ID, as events need them: each instance asks for an ID
 * at most every 10 s (an upload on another instance is seen within that), reads and indexes a file
 * once, and keeps up to 64 MB of them (lib/cache/storedArtifactCache.ts).
 */
const symbolFiles = storedArtifactCache<BreakpadSymbols>({
  name: "native symbols",
  table: "NativeSymbolFile",
  idColumn: "debugId",
  idType: "text",
  parse: (content) => new BreakpadSymbols(gunzipSync(content).toString("utf8")),
  Unreadable: BreakpadSymbolsError,
});

/** The symbol files of the debug IDs an event's images name, by debug ID, and the IDs without one. Never throws. */
export async function nativeSymbolsFor(projectId: string, debugIds: string[], now?: number): Promise<{ found: Map<string, BreakpadSymbols>; missing: string[] }> {
  const { found, missing } = await symbolFiles.get(projectId, debugIds, now);
  return { found: new Map(found.map((symbols) => [symbols.module.debugId, symbols])), missing };
}

/** Drops what this instance knows of a project's symbol file (after an upload or delete here). */
export function forgetNativeSymbols(projectId: string, debugId: string): void {
  symbolFiles.forget(projectId, debugId);
}
