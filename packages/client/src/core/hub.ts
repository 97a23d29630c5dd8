import type { Client } from "./client.js";

/**
 * The current client lives on globalThis under a registered symbol, so every bundle of this package
 * (the main entry, /react, /next, even two copies of the package) reports through the one `init`ed client.
 */
const KEY = Symbol.for("@faultline/client");

interface Hub {
  client?: Client;
}

function hub(): Hub {
  const g = globalThis as unknown as Record<symbol, Hub | undefined>;
  return (g[KEY] ??= {});
}

export function getClient(): Client | undefined {
  return hub().client;
}

export function setClient(client: Client | undefined): void {
  hub().client = client;
}
