import type { Language } from "@/lib/ingest/stacktrace/frame";

/** File names shared by many modules of one app (route files, package entry points): their folder says which. */
const GENERIC_BASENAMES = new Set([
  "index", "page", "layout", "route", "template", "loading", "error", "not-found", "default", "main", "app", "server",
  "handler", "handlers", "controller", "service", "model", "view", "views", "utils", "util", "helpers", "mod", "__init__",
  "+page", "+layout", "+server", "+page.server", "middleware", "actions", "api",
]);
/** Folder names that build set-ups add or swap (src ↔ dist) and that say nothing about the module. */
const BUILD_DIRS = new Set(["src", "dist", "build", "out", "lib", "es", "esm", "cjs", "compiled", "public", "static", "assets", "js", "chunks", "server", "ssr", "app-pages", "pages-api", ".next", "target", "bin", "obj", "release", "debug"]);

/**
 * A deploy-independent name for a frame's file: no origin or checkout directory, no query string,
 * no bundle/chunk content hash, no numeric chunk id, and for JavaScript no extension (src/*.ts and
 * dist/*.js are the same module). Generic basenames (index, page, route…) keep their folder, as Python
 * and Ruby files do — never a release, version or commit directory, nor where the app is installed
 * (appSegments).
 */
export function normaliseFile(path: string, language: Language): string {
  let p = path.trim().replace(/[?#].*$/, "").replace(/\\/g, "/");
  const onDisk = /^(?:\/|[a-z]:\/|file:\/\/)/i.test(p);
  p = p.replace(/^[a-z][\w+.-]*:\/\/+[^/]*/i, ""); // origin of URLs, webpack://, app://
  const parts = p.split("/").filter((s) => s && s !== "." && s !== ".." && !/^\(.*\)$/.test(s));
  const segments = appSegments(onDisk && /^[a-z]:$/i.test(parts[0] ?? "") ? parts.slice(1) : parts, onDisk);
  if (segments.length === 0) return "";
  let base = stripHashes(segments[segments.length - 1], language);
  if (language === "python") return dottedTail(segments, ".py");
  if (language === "ruby") return slashTail(segments, /\.(?:rb|erb|rake)$/);
  if (/^\d+$/.test(base) || base === "<hash>") base = "<chunk>";
  if (!GENERIC_BASENAMES.has(base.toLowerCase())) return base;
  const parent = segments.length >= 2 ? segments[segments.length - 2] : "";
  return parent && !BUILD_DIRS.has(parent.toLowerCase()) ? `${parent}/${base}` : base;
}

/**
 * The path's folders that belong to the app, and its file. A release or build directory
 * ("releases/20260301120000", "builds/42", "1.4.2", a commit hash) changes with every deploy, and where
 * the app is installed with every machine: a folder kept for the key is never one of them, and a file
 * right under a release (or Capistrano's "current") or right in the directory the app is installed in
 * keeps none — the same script is "/app/x.py" in a container, "/srv/shop/releases/<id>/x.py" on a server.
 */
function appSegments(parts: string[], onDisk: boolean): string[] {
  if (parts.length < 2) return parts;
  const folders = parts.slice(0, -1);
  const file = parts[parts.length - 1];
  const parent = folders[folders.length - 1];
  if (isDeployDirectory(parent) || parent === "current") return [file];
  if (onDisk && folders.length <= installRootLength(folders)) return [file];
  return [...folders.filter((s) => !isDeployDirectory(s)), file];
}

/**
 * Directories that hold one installation, user or site each (FHS and container conventions): the
 * folder under them is where an app was put, not one of its packages ("/home/deploy", "/opt/service",
 * "/srv/shop", "/var/www/shop", "/var/task", "/usr/src/app", "C:\Users\ci", "C:\inetpub\wwwroot").
 */
const INSTALL_PARENTS = ["home", "Users", "opt", "srv", "mnt", "var", "var/www", "var/lib", "usr/src", "usr/local", "usr/local/src", "inetpub"].map((p) => p.split("/"));

/**
 * How many leading folders of an absolute path are where the app is installed: the top-level directory
 * ("/app", "/srv", "/code", "/workspace") and, under an INSTALL_PARENTS directory, the one it holds.
 */
function installRootLength(folders: string[]): number {
  let length = 1;
  for (const parent of INSTALL_PARENTS) {
    if (parent.length < folders.length && parent.every((name, i) => folders[i] === name)) length = Math.max(length, parent.length + 1);
  }
  return length;
}

/**
 * Directory names a deploy or build gives: a release number or timestamp (Capistrano, Deployer, Envoyer:
 * "20260301120000", "42", "2026-03-01_12-00"), a version ("1.4.2", "v2.0.1-rc.1"), a commit hash or an id
 * ("9f8e7d6c5b4a", a UUID). Never a module's name: Python and Ruby cannot import one, and "v2" (an API
 * version folder, no dots) is not one of them.
 */
function isDeployDirectory(segment: string): boolean {
  if (segment.length > 64) return false;
  return (
    /^\d+$/.test(segment) ||
    /^\d{4}[-_.]?\d\d[-_.]?\d\d(?:[T_.-]?\d\d[-_.:]?\d\d(?:[-_.:]?\d\d)?Z?)?$/.test(segment) ||
    /^v?\d{1,6}(?:\.\d{1,6}){1,3}(?:[-+][0-9A-Za-z.-]{1,40})?$/.test(segment) ||
    (/^[0-9a-f]{7,40}$/i.test(segment) && /\d/.test(segment) && /[a-f]/i.test(segment)) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)
  );
}

/** Python: "api/views.py" ↔ module "api.views": the last two dotted parts. */
function dottedTail(segments: string[], ext: string): string {
  const parts = segments.map((s, i) => (i === segments.length - 1 && s.endsWith(ext) ? s.slice(0, -ext.length) : s));
  return parts.slice(-2).join(".");
}

/** Ruby: "app/models/user.rb" and "/srv/app/app/models/user.rb" → "models/user". */
function slashTail(segments: string[], ext: RegExp): string {
  const parts = segments.map((s, i) => (i === segments.length - 1 ? s.replace(ext, "") : s));
  return parts.slice(-2).join("/");
}

const JS_EXTENSIONS = /\.(?:min\.)?(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;

function stripHashes(name: string, language: Language): string {
  let base = name;
  // A compiled template named by a digest of its source's path: Laravel's Blade views
  // ("storage/framework/views/8f3a…9b.php", sha1 of an absolute path that holds the release
  // directory), Twig's cache (sha256). Its digest is not the code's name.
  base = base.replace(/^[0-9a-f]{32,64}(?=\.[a-z]{1,8}$)/i, "<hash>");
  if (language === "javascript" || language === "unknown") {
    base = base.replace(JS_EXTENSIONS, "");
    // Turbopack: "src_app_orders_page_tsx_5e6f7a8b._" / "[root-of-the-server]__a1b2c3d4._"
    base = base.replace(/_+[0-9a-f]{6,16}\._$/i, "").replace(/\._$/, "");
    // Rollup/Vite "index-BVHUl9xT", "index-C-q_oDg2": eight base64url characters, which may hold "-" and "_".
    base = base.replace(/-([A-Za-z0-9_-]{8})$/, (whole, token: string) => (isHash(token) ? "" : whole));
    // webpack "main.3f2a9c1b", "chunk-ABC123DE", Next "_app-4a1b2c3d4e5f6a7b": the hash holds no separator, so
    // a name's own "_" or "-" ("_app", "order_summary") never starts one.
    base = base.replace(/[.\-_~]([A-Za-z0-9]{6,64})$/, (whole, token: string) => (isHash(token) ? "" : whole));
    base = base.replace(/[.\-_~]([A-Za-z0-9]{6,64})(?=[.\-_~])/g, (whole, token: string) => (isHash(token) ? "" : whole));
    if (/^[0-9a-f]{8,}$/i.test(base) && /\d/.test(base)) base = "<hash>";
    // webpack's numeric chunk ids ("787.a1b2c3d4.chunk.js") change when the module graph does.
    if (/^\d+\.chunk$/.test(base)) base = "<chunk>";
  }
  return base;
}

/** A content hash mixes digits with letters, or is long hex; plain words ("Settings", "polyfills") are not. */
function isHash(token: string): boolean {
  if (/^\d+$/.test(token)) return token.length >= 6;
  if (/^[0-9a-f]{6,}$/i.test(token) && /\d/.test(token)) return true;
  if (token.length === 8 && /[A-Za-z0-9_-]{8}/.test(token) && (/\d/.test(token) || /[-_]/.test(token) || (token.match(/[A-Z]/g)?.length ?? 0) >= 2)) return true;
  return token.length >= 10 && /\d/.test(token) && /[A-Za-z]/.test(token);
}
