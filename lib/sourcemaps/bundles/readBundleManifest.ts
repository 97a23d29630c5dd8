import type { z } from "zod";
import { readZip, ZipError, type ZipFile, type ZipLimits } from "@/lib/sourcemaps/bundles/readZip";
import { replaceUnstorable } from "@/lib/text/replaceUnstorable";

/**
 * The files of a ZIP bundle sentry-cli uploads (artifact bundles, JVM source bundles) and its
 * `manifest.json` checked against `schema`. What is wrong is thrown through `fail` with a message
 * naming it ("not an artifact bundle: …", "manifest.json: files.a.url: …"). The manifest is read
 * only up to `maxManifestBytes` (a larger one is refused before it is inflated).
 */
export function readBundleManifest<S extends z.ZodType>(
  archive: Buffer,
  options: { kind: string; limits: ZipLimits; maxManifestBytes: number; schema: S; fail: (message: string) => Error },
): { files: Map<string, ZipFile>; manifest: z.output<S> } {
  const { kind, schema, fail } = options;
  let files: Map<string, ZipFile>;
  try {
    files = readZip(archive, options.limits);
  } catch (error) {
    if (error instanceof ZipError) throw fail(`not ${kind}: ${error.message}`);
    throw error;
  }
  const read = files.get("manifest.json");
  if (!read) throw fail(`not ${kind}: it has no manifest.json`);
  let parsed: unknown;
  try {
    // NUL and lone surrogates become U+FFFD: the manifest's URLs and names are stored as text.
    parsed = replaceUnstorable(JSON.parse(read(options.maxManifestBytes).toString("utf8")));
  } catch (error) {
    // The reader's messages name the entry already ("manifest.json: larger than … bytes").
    throw fail(error instanceof ZipError ? error.message : "manifest.json: not JSON");
  }
  const manifest = schema.safeParse(parsed);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw fail(`manifest.json: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return { files, manifest: manifest.data };
}
