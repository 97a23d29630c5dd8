import { z } from "zod";
import { manifestFilesSchema } from "@/lib/sourcemaps/bundles/manifestFilesSchema";
import { readBundleManifest } from "@/lib/sourcemaps/bundles/readBundleManifest";
import { ZipEntryTooLargeError, ZipError, type ZipFile } from "@/lib/sourcemaps/bundles/readZip";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";
import { parseValidSourceMap, SourceMapError, type SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { MAX_SOURCE_MAP_BYTES } from "@/lib/sourcemaps/sourceMapSchemas";
import type { StorableSourceMap } from "@/lib/sourcemaps/storeSourceMap";

/** A bundle that cannot be stored: the message names the file at fault and why (shown by sentry-cli). */
export class ArtifactBundleError extends Error {}

/** A source map of a bundle, named as events name its minified file ("~/static/js/main.js": that path on any host). */
export type BundledSourceMap = StorableSourceMap;

const MAX_ENTRIES = 20_000;
/** Declared sizes of all files together (minified sources are listed but never inflated). */
const MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024;
/** manifest.json at most: about 400 bytes per file of MAX_ENTRIES (URL, debug ID, sourcemap header). */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

const ManifestSchema = z.object({
  files: manifestFilesSchema(
    z.object({
      type: z.string().optional(),
      url: z.string().min(1).max(2048),
      headers: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

type ManifestFile = { path: string; type: string | undefined; url: string; headers: Map<string, string> };

/**
 * The source maps of an artifact bundle — the ZIP sentry-cli (and the bundler plugins through it)
 * uploads: a `manifest.json` naming each file's `type` (`minified_source`, `source_map`…), its
 * `url` ("~/app.min.js") and headers (`debug-id`, `sourcemap`). Each map is named by the minified
 * file whose `sourcemap` header points at it (or that shares its debug ID), else by its own URL
 * without ".map". Every map is checked before anything is returned: a bundle with a map that does
 * not parse, or a map with neither a debug ID nor a release to find it by, is refused whole.
 */
export function readArtifactBundle(archive: Buffer, options: { release: string | null }): BundledSourceMap[] {
  const { files, manifest: read } = readBundleManifest(archive, {
    kind: "an artifact bundle",
    limits: { maxEntries: MAX_ENTRIES, maxTotalBytes: MAX_INFLATED_BYTES },
    maxManifestBytes: MAX_MANIFEST_BYTES,
    schema: ManifestSchema,
    fail: (message) => new ArtifactBundleError(message),
  });
  const manifest = manifestFiles(read);
  // Each map's minified file, by the map URL it references and by debug ID (the first listed wins).
  const byReference = new Map<string, ManifestFile>();
  const byDebugId = new Map<string, ManifestFile>();
  for (const m of manifest.filter((f) => f.type === "minified_source")) {
    const reference = referencedMap(m);
    if (reference !== undefined && !byReference.has(reference)) byReference.set(reference, m);
    const id = normalizeDebugId(m.headers.get("debug-id") ?? "");
    if (id && !byDebugId.has(id)) byDebugId.set(id, m);
  }
  const maps: BundledSourceMap[] = [];
  for (const file of manifest.filter((f) => f.type === "source_map")) {
    const headerId = file.headers.has("debug-id") ? normalizeDebugId(file.headers.get("debug-id")!) : null;
    if (file.headers.has("debug-id") && !headerId) throw new ArtifactBundleError(`${file.url}: debug-id ${JSON.stringify(file.headers.get("debug-id")!.slice(0, 64))} is not a UUID`);
    // Refused by its declared size before it is inflated (a ZIP bomb), or when inflating passes the cap.
    const content = readFile(files, file, MAX_SOURCE_MAP_BYTES);
    let map: SourceMap;
    try {
      map = parseValidSourceMap(content.toString("utf8"));
    } catch (error) {
      if (error instanceof SourceMapError) throw new ArtifactBundleError(`${file.url}: not a source map: ${error.message}`);
      throw error;
    }
    // The manifest's header, else the one the bundler wrote into the map itself.
    const debugId = headerId ?? map.debugId;
    if (!debugId && !options.release) throw new ArtifactBundleError(`${file.url} has no debug ID and the upload names no release: inject debug IDs (sentry-cli sourcemaps inject) or upload with --release`);
    const owner = byReference.get(file.url) ?? (debugId ? byDebugId.get(debugId) : undefined);
    maps.push({ url: owner?.url ?? file.url.replace(/\.map$/, ""), debugId, content, sourceCount: map.sources.length });
  }
  return maps;
}

function manifestFiles(manifest: z.output<typeof ManifestSchema>): ManifestFile[] {
  return [...manifest.files].map(([path, f]) => ({
    path,
    type: f.type,
    url: f.url,
    // Header names are case-insensitive ("Sourcemap", "debug-id"); non-text values are ignored.
    headers: new Map(Object.entries(f.headers ?? {}).flatMap(([k, v]) => (typeof v === "string" ? [[k.toLowerCase(), v] as const] : []))),
  }));
}

function readFile(files: Map<string, ZipFile>, file: ManifestFile, maxBytes: number): Buffer {
  const read = files.get(file.path);
  if (!read) throw new ArtifactBundleError(`${file.url}: manifest.json lists ${file.path}, which the bundle does not hold`);
  try {
    return read(maxBytes);
  } catch (error) {
    if (error instanceof ZipEntryTooLargeError) throw new ArtifactBundleError(`${file.url}: larger than ${error.limit} bytes`);
    if (error instanceof ZipError) throw new ArtifactBundleError(error.message);
    throw error;
  }
}

/** The URL of the map a minified file's `sourcemap` header names, resolved against the file's own URL. */
export function referencedMap(file: { url: string; headers: Map<string, string> }): string | undefined {
  const reference = file.headers.get("sourcemap") ?? file.headers.get("x-sourcemap");
  if (!reference || reference.startsWith("data:")) return undefined;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|~\/|\/)/i.test(reference)) return reference;
  const base = file.url.slice(0, file.url.lastIndexOf("/") + 1);
  const segments: string[] = [];
  for (const part of (base + reference).split("/")) {
    if (part === "..") {
      if (segments.length > 1) segments.pop();
    } else if (part !== ".") segments.push(part);
  }
  return segments.join("/");
}
