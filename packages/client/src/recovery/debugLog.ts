import { getClient } from "../core/hub.js";

/** The client's debug log (`init({ debug: true })`), for the helpers' option checks. */
export function debugLog(): ((message: string) => void) | undefined {
  return getClient()?.options.debug ? (message: string) => console.log(`[faultline] ${message}`) : undefined;
}
