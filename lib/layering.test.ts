import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The lower layers never import from higher ones: an event flows down from route → lib/intake →
 * ingest/sentry/auth/… → http/db/domain. These folders may import only from the folders listed.
 */
const ALLOWED: Record<string, string[]> = {
  "lib/domain": ["lib/domain", "lib/generated"],
  "lib/text": ["lib/text"],
  // lib/observability is a leaf (it imports nothing): where unexpected 500s are reported besides the log.
  "lib/http": ["lib/http", "lib/domain", "lib/generated", "lib/logger", "lib/observability", "lib/text"],
  "lib/observability": [],
  // lib/outbound: every request to a URL a user configured passes its policy (a leaf below alerts, forwarding, crons).
  "lib/outbound": ["lib/outbound", "lib/http", "lib/env", "lib/domain"],
  "lib/db": ["lib/db", "lib/env", "lib/generated", "lib/logger", "lib/text"],
  // lib/grouping: chains and fingerprints are computed while an event is prepared and resolved to its group while stored.
  "lib/ingest": ["lib/ingest", "lib/grouping", "lib/domain", "lib/http", "lib/db", "lib/ids", "lib/logger", "lib/env", "lib/text"],
};

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "__fixtures__" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/from\s+"@\/(lib\/[\w-]+|[\w-]+)[^"]*"/g)].map((m) => m[1]);
}

describe("layering", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only from ${allowed.join(", ")}`, () => {
      const offending = sourceFiles(layer).flatMap((file) => importsOf(file).filter((target) => !allowed.includes(target)).map((target) => `${file} → ${target}`));
      expect(offending).toEqual([]);
    });
  }
});
