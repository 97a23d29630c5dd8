import fs from "node:fs";
import path from "node:path";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { storeEvents } from "@/lib/ingest/storeEvents";
import { uploadSourceMap } from "@/lib/sourcemaps/uploadSourceMap";
import type { AuthContext } from "@/lib/auth/AuthContext";

/** The esbuild-minified checkout bundle of lib/sourcemaps/__fixtures__ and the stack it throws in a browser. */
const MAP_FILE = path.join(process.cwd(), "lib", "sourcemaps", "__fixtures__", "main.min.js.map");
const BUNDLE = "https://demo.faultline.local/static/js/main.3f2a.js";
const FRAMES = [
  { function: "a", filename: "/static/js/main.3f2a.js", absPath: BUNDLE, lineno: 1, colno: 219, inApp: true },
  { function: "n.checkout", filename: "/static/js/main.3f2a.js", absPath: BUNDLE, lineno: 1, colno: 143, inApp: true },
  { function: "o", filename: "/static/js/main.3f2a.js", absPath: BUNDLE, lineno: 1, colno: 30, inApp: true },
];

/**
 * A minified browser error with its release's source map uploaded, so the demo's issue page shows
 * frames mapped back to the TypeScript that threw (Settings → Project → Source maps lists the map);
 * prepared as ingest prepares it, grouped on those frames — the same issue an SDK's report of it joins.
 */
export async function seedSampleSourceMap(target: { workspaceId: string; projectId: string }, admin: AuthContext, release: string): Promise<void> {
  await uploadSourceMap(admin, target.projectId, { release, url: "~/static/js/main.3f2a.js" }, fs.readFileSync(MAP_FILE));
  const now = Date.now();
  const rules = await loadGroupingRules(target.projectId);
  const events = await prepareEvents(
    target.projectId,
    Array.from({ length: 9 }, (_, i) =>
      IngestEventSchema.parse({
        type: "TypeError",
        message: "Cannot read properties of undefined (reading 'items')",
        severity: "high",
        platform: "javascript",
        stackTrace: FRAMES,
        release,
        environment: "production",
        userId: `user-${(i * 7) % 40}`,
        occurredAt: new Date(now - (i * 97 + 13) * 60_000).toISOString(),
        tags: { browser: i % 2 === 0 ? "Chrome 131" : "Safari 18.1" },
      }),
    ),
    new Date(now),
    { rules, sensitiveFields: null },
  );
  await storeEvents(target, events);
}
