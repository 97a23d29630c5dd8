import fs from "node:fs";
import path from "node:path";
import { CALLERS, type Caller } from "@/e2e/support/permissionRequests";

export interface MatrixRow {
  method: string;
  route: string;
  expected: Record<Caller, number>;
}

const root = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

/** The rows of the matrix table in docs/permissions.md (Method | Route | one status per caller). */
export function readPermissionMatrix(file = path.join(root, "docs", "permissions.md")): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells.length !== 2 + CALLERS.length || !METHODS.includes(cells[0])) continue;
    const route = cells[1].replace(/^`|`$/g, "");
    const statuses = cells.slice(2).map(Number);
    if (statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) throw new Error(`bad status in docs/permissions.md: ${line}`);
    rows.push({ method: cells[0], route, expected: Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]])) as Record<Caller, number> });
  }
  return rows;
}

export interface TokenRow {
  method: string;
  route: string;
  /** What the row's request does (its key in TOKEN_REQUESTS with the method and route). */
  request: string;
  session: number;
  token: number;
}

/** "METHOD /route · request": a row of the API-token table, as TOKEN_REQUESTS names it. */
export const tokenRowKey = (r: { method: string; route: string; request: string }) => `${r.method} ${r.route} · ${r.request}`;

/** The rows of the API-token table in docs/permissions.md (Method | Route | request | session | API token). */
export function readTokenMatrix(file = path.join(root, "docs", "permissions.md")): TokenRow[] {
  const rows: TokenRow[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells.length !== 5 || !METHODS.includes(cells[0])) continue;
    const [session, token] = cells.slice(3).map(Number);
    if (![session, token].every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) throw new Error(`bad status in docs/permissions.md: ${line}`);
    rows.push({ method: cells[0], route: cells[1].replace(/^`|`$/g, ""), request: cells[2], session, token });
  }
  return rows;
}

/** Every "METHOD /route" exported by a route.ts under app/api, with [param] written :param. */
export function discoverApiRoutes(dir = path.join(root, "app", "api")): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" || entry.name === "route.tsx") {
        const source = fs.readFileSync(full, "utf8");
        const route = "/" + path.relative(path.join(root, "app"), path.dirname(full)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/");
        const exported = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g)) exported.add(m[1]);
        for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) if (METHODS.includes(name.trim().split(/\s+as\s+/).pop()!)) exported.add(name.trim().split(/\s+as\s+/).pop()!);
        for (const method of exported) found.push(`${method} ${route}`);
      }
    }
  };
  walk(dir);
  return found.sort();
}
