// Run with DATABASE_URL=<database> `tsx e2e/support/storeWithApp.ts <workspaceId> <projectId> <events.json>`: stores the
// events through the app's own write path (lib/ingest/storeEvents) and prints the outcome as JSON.
import { pool } from "@/lib/db/pool";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";

const [workspaceId, projectId, json] = process.argv.slice(2);
const events = (JSON.parse(json) as IngestEvent[]).map((e) => prepareEvent(e, new Date()));
const outcome = await storeEvents({ workspaceId, projectId }, events);
console.log(JSON.stringify(outcome.results));
await pool().end();
