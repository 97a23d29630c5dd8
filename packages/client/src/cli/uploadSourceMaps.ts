import fs from "node:fs/promises";
import path from "node:path";
import { serverReason } from "./serverReason.js";

export interface UploadOptions {
  /** Faultline's base URL ("https://errors.example.com"). */
  url: string;
  /** A personal API token with write scope (`flt_…`) of a member or admin of the project's workspace. */
  token: string;
  projectId: string;
  release: string;
  /** The directory the bundles and their .map files are in (searched recursively). */
  dir: string;
  /** What the directory is served as: "~/static/js" (any host) or "https://cdn.example.com/assets". */
  urlPrefix: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface UploadResult {
  uploaded: { file: string; url: string }[];
  failed: { file: string; status: number; message: string }[];
}

/** Every `*.map` file under `dir`, relative to it, "/"-separated, sorted. */
export async function findSourceMaps(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(sub: string): Promise<void> {
    for (const entry of await fs.readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== "node_modules") await walk(rel);
      else if (entry.isFile() && entry.name.endsWith(".map")) found.push(rel);
    }
  }
  await walk("");
  return found.sort();
}

/** The URL a map's bundle is served at: the prefix and the bundle's path ("main.js.map" → "~/static/js/main.js"). */
export function bundleUrlOf(urlPrefix: string, mapFile: string): string {
  return `${urlPrefix.replace(/\/+$/, "")}/${mapFile.replace(/\.map$/, "")}`;
}

/**
 * Uploads every source map under `dir` for `release` (POST /api/v1/projects/:id/sourcemaps), one at
 * a time; a failure is reported and the rest still uploaded.
 */
export async function uploadSourceMaps(options: UploadOptions): Promise<UploadResult> {
  const send = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  const result: UploadResult = { uploaded: [], failed: [] };
  for (const file of await findSourceMaps(options.dir)) {
    const url = bundleUrlOf(options.urlPrefix, file);
    const query = new URLSearchParams({ release: options.release, url });
    const res = await send(`${options.url.replace(/\/+$/, "")}/api/v1/projects/${encodeURIComponent(options.projectId)}/sourcemaps?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
      body: await fs.readFile(path.join(options.dir, file)),
    });
    if (res.ok) {
      result.uploaded.push({ file, url });
      log(`uploaded ${file} as ${url}`);
    } else {
      const message = await serverReason(res);
      result.failed.push({ file, status: res.status, message });
      log(`failed ${file}: ${res.status} ${message}`);
    }
  }
  return result;
}
