/**
 * Debug IDs of the scripts a bundler tagged (`sentry-cli sourcemaps inject`, Sentry's bundler
 * plugins): each tagged file registers `globalThis._sentryDebugIds[new Error().stack] = id` as it
 * loads, so the file is the first URL in that stack. The server maps an event's frames with the
 * source maps uploaded under those IDs, whatever the release.
 */
type Registry = Record<string, unknown>;

const FILE_IN_STACK = /((?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s()@]+?):\d+:\d+/i;
const MAX_IDS = 200;

let parsed: { registry: Registry; size: number; files: Map<string, string> } | undefined;

/** The file URL → debug ID pairs for the files `stacks` name (undefined when none is tagged). */
export function debugIdsFor(stacks: (string | undefined)[], registry: unknown = (globalThis as { _sentryDebugIds?: unknown })._sentryDebugIds): Record<string, string> | undefined {
  if (!registry || typeof registry !== "object") return undefined;
  const files = filesOf(registry as Registry);
  const text = stacks.filter(Boolean).join("\n");
  if (!text || files.size === 0) return undefined;
  const ids: Record<string, string> = {};
  let count = 0;
  for (const [file, id] of files) {
    if (count >= MAX_IDS) break;
    if (text.includes(file)) {
      ids[file] = id;
      count++;
    }
  }
  return count > 0 ? ids : undefined;
}

/** Read once per registry size: scripts register as they load, rarely after. */
function filesOf(registry: Registry): Map<string, string> {
  const keys = Object.keys(registry);
  if (parsed && parsed.registry === registry && parsed.size === keys.length) return parsed.files;
  const files = new Map<string, string>();
  for (const stack of keys) {
    const id = registry[stack];
    const file = FILE_IN_STACK.exec(stack)?.[1];
    if (typeof id === "string" && file && !files.has(file)) files.set(file, id);
  }
  parsed = { registry, size: keys.length, files };
  return files;
}
