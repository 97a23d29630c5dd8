import { z } from "zod";
import { manifestFilesSchema } from "@/lib/sourcemaps/bundles/manifestFilesSchema";
import { readBundleManifest } from "@/lib/sourcemaps/bundles/readBundleManifest";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";

/** A bundle that cannot be stored: the message says why (sentry-cli shows it). */
export class SourceBundleError extends Error {}

const MAX_ENTRIES = 100_000;
/** Bytes of a bundle's files together, uncompressed, at most. */
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
/** A source file read for its lines at most (larger ones are generated code). */
export const MAX_SOURCE_FILE_BYTES = 2 * 1024 * 1024;
/** manifest.json at most: about 160 bytes per source of MAX_ENTRIES. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const ManifestSchema = z.object({
  files: manifestFilesSchema(z.object({ type: z.string().optional(), url: z.string().min(1).max(2048) })),
  debug_id: z.string().max(64).optional(),
});

const SYSB = Buffer.from("SYSB");
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Whether a file looks like a source bundle: sentry-cli writes a ZIP behind an 8-byte header
 * ("SYSB" and a format version); a bare ZIP is taken too.
 */
export function isSourceBundleFile(content: Buffer): boolean {
  return content.subarray(0, 4).equals(SYSB) || content.subarray(0, 4).equals(ZIP);
}

/**
 * A source bundle read: its sources by URL ("~/com/example/shop/Cart.jvm"), each read when asked for
 * — up to MAX_SOURCE_FILE_BYTES: a larger one throws (ZipEntryTooLargeError) without being inflated.
 */
export interface SourceBundle {
  debugId: string | null;
  files: Map<string, () => Buffer>;
}

/**
 * A JVM source bundle as `sentry-cli debug-files bundle-jvm` writes it (and Sentry's Android Gradle
 * plugin with `includeSourceContext`): behind its header, a ZIP whose `manifest.json` lists each source as `{type:
 * "source", url: "~/<package path>/<Class>.jvm"}`, with the bundle's `debug_id`. Throws
 * SourceBundleError when it is not one.
 */
export function readSourceBundle(archive: Buffer): SourceBundle {
  // Behind sentry-cli's header the offsets count from the file's start: the ZIP is read whole.
  const { files: zip, manifest } = readBundleManifest(archive, {
    kind: "a source bundle",
    limits: { maxEntries: MAX_ENTRIES, maxTotalBytes: MAX_INFLATED_BYTES },
    maxManifestBytes: MAX_MANIFEST_BYTES,
    schema: ManifestSchema,
    fail: (message) => new SourceBundleError(message),
  });
  const files = new Map<string, () => Buffer>();
  for (const [path, file] of manifest.files) {
    const content = zip.get(path);
    if (file.type === "source" && content) files.set(file.url, () => content(MAX_SOURCE_FILE_BYTES));
  }
  if (files.size === 0) throw new SourceBundleError("not a source bundle: manifest.json lists no sources");
  return { debugId: manifest.debug_id ? normalizeDebugId(manifest.debug_id) : null, files };
}

/**
 * Where a bundle may keep a JVM frame's source, most likely first: its file under its class's
 * package path ("Cart.kt" of "com.example.shop.CartKt" → "~/com/example/shop/Cart.jvm": Kotlin's
 * top-level functions and a file's other classes), then the outer class's own name
 * ("com.example.shop.Cart$Line" → "~/com/example/shop/Cart.jvm").
 */
export function sourceUrlsOf(frame: { module?: string; filename?: string }): string[] {
  const outer = frame.module?.split("$")[0];
  if (!outer || !/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*$/.test(outer)) return [];
  const dot = outer.lastIndexOf(".");
  const dir = dot < 0 ? "~/" : `~/${outer.slice(0, dot).replaceAll(".", "/")}/`;
  const urls: string[] = [];
  const base = frame.filename && /^[\w$-]+\.\w+$/.test(frame.filename) && frame.filename !== "SourceFile" ? frame.filename.slice(0, frame.filename.lastIndexOf(".")) : undefined;
  if (base) urls.push(`${dir}${base}.jvm`);
  const own = `${dir}${outer.slice(dot + 1)}.jvm`;
  if (!urls.includes(own)) urls.push(own);
  return urls;
}
