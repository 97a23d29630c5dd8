import fs from "node:fs";
import path from "node:path";
import { HTTP_METHODS, type HttpMethod } from "@/lib/openapi/routeSpec";

export interface ApiRouteFile {
  file: string;
  /** OpenAPI-style path: `[id]` → `{id}`, `[...slug]` → `{slug}`, route groups dropped. */
  path: string;
  methods: HttpMethod[];
}

/**
 * app/api/[...path]: the fallback answering every unknown /api path 404 (JSON). It is no operation
 * of the API, so neither the registry nor the document lists it.
 */
export const API_FALLBACK_DIR = path.join("api", "[...path]");
/** The same route as a Next.js page. */
export const API_FALLBACK_PAGE = "/api/[...path]";

const EXPORTED_METHOD = new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+(${HTTP_METHODS.join("|")})\\b`, "g");
const REEXPORTED = /export\s*\{([^}]*)\}/g;

/** Every route.ts under `<root>/app/api` and the HTTP methods it exports (read from the source). */
export function listApiRouteFiles(root: string): ApiRouteFile[] {
  const apiDir = path.join(root, "app", "api");
  const out: ApiRouteFile[] = [];
  for (const file of walk(apiDir)) {
    if (!/^route\.(ts|tsx|js|mjs)$/.test(path.basename(file))) continue;
    if (path.relative(path.join(root, "app"), path.dirname(file)) === API_FALLBACK_DIR) continue;
    const source = fs.readFileSync(file, "utf8");
    out.push({ file: path.relative(root, file), path: routePath(path.relative(path.join(root, "app"), path.dirname(file))), methods: exportedMethods(source) });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function exportedMethods(source: string): HttpMethod[] {
  source = withoutComments(source);
  const methods = new Set<HttpMethod>();
  for (const m of source.matchAll(EXPORTED_METHOD)) methods.add(m[1] as HttpMethod);
  for (const m of source.matchAll(REEXPORTED)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) methods.add(name as HttpMethod);
    }
  }
  return [...methods].sort();
}

/** Drops block and line comments (a commented-out export is not a route). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export function routePath(relativeDir: string): string {
  const segments = relativeDir
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[?\.\.\.(.+?)\]?\]$/, "{$1}").replace(/^\[(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** Trailing slashes are the same route to Next (skipTrailingSlashRedirect keeps both working). */
export function normalisePath(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, "") : p;
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}
