import fs from "node:fs";
import path from "node:path";
import type { ApiRouteTable } from "@/lib/http/apiRoutes";
import { API_FALLBACK_PAGE, exportedMethods } from "@/lib/openapi/apiRouteFiles";

interface RoutesManifest {
  staticRoutes: { page: string; regex: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}


/**
 * The API route table of a build (lib/http/apiRoutes.ts), run after `next build` by
 * scripts/buildFastPath.mjs: the pages and regexes from Next.js's own routes manifest, in its
 * matching order (static, then dynamic as Next sorted them), so the fast path finds the route Next.js
 * would; the methods from each route file's exports, read as the OpenAPI registry's test reads them.
 */
export function buildApiRouteTable(root: string, distDir: string): ApiRouteTable {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest;
  // App path ("/api/health/route", route groups included) → page ("/api/health").
  const appPaths = JSON.parse(fs.readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const fileOf = new Map(Object.entries(appPaths).map(([appPath, page]) => [page, appPath]));
  const routes: ApiRouteTable["routes"] = [];
  for (const route of [...manifest.staticRoutes, ...manifest.dynamicRoutes]) {
    const appPath = fileOf.get(route.page);
    if (!route.page.startsWith("/api/") || !appPath?.endsWith("/route")) continue;
    const source = routeSource(root, appPath);
    if (source === undefined) throw new Error(`no route file for ${route.page} (${appPath}) under ${root}/app`);
    routes.push({ page: route.page, regex: route.regex, methods: exportedMethods(source) });
  }
  return { routes, fallback: API_FALLBACK_PAGE };
}

function routeSource(root: string, appPath: string): string | undefined {
  for (const ext of ["ts", "tsx", "js", "mjs"]) {
    const file = path.join(root, "app", `${appPath}.${ext}`);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  }
  return undefined;
}
