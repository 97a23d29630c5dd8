import type { Client } from "../core/client.js";
import type { Connectivity, QueueStorage } from "../transport/sender.js";

/** What differs between Node and browsers; each build installs its own. */
export interface Platform {
  name: "node" | "browser";
  /** How the key travels: a header (Node) or the query string with a text/plain body (browsers). */
  auth: "header" | "query";
  /** Facts put under every event's context.runtime. */
  runtime(): Record<string, unknown>;
  connectivity?: Connectivity;
  /** A persistent queue store for this endpoint, when the platform has one. */
  storage?(namespace: string, maxEvents: number): QueueStorage | undefined;
  keepAlive?(timer: ReturnType<typeof setTimeout>, alive: boolean): void;
  /** Reports uncaught errors; returns the uninstaller. */
  installGlobalHandlers(client: Client): () => void;
  /** Sends what is queued when the process exits or the page is hidden; returns the uninstaller. */
  installExitHooks(client: Client): () => void;
}
