import type { Client } from "../core/client.js";
import { createLocalStorageQueue } from "./browserStorage.js";
import type { Platform } from "./platform.js";

/**
 * Browsers: the key in the query string with a text/plain body (no CORS preflight, and what
 * sendBeacon can send), navigator.onLine and the `online` event, the queue in localStorage, and a
 * sendBeacon of the queue when the page is hidden or left.
 */
export const browserPlatform: Platform = {
  name: "browser",
  auth: "query",
  runtime: () => ({
    name: "browser",
    userAgent: globalThis.navigator?.userAgent,
    url: globalThis.location?.href,
  }),
  connectivity: {
    isOnline: () => globalThis.navigator?.onLine !== false,
    onOnline(callback) {
      globalThis.addEventListener?.("online", callback);
    },
  },
  storage: (namespace, maxEvents) => createLocalStorageQueue(namespace, maxEvents),
  installGlobalHandlers(client: Client) {
    const onError = (event: ErrorEvent) => {
      // Cross-origin scripts without CORS report only "Script error." with nothing to group by.
      if (!event.error && (!event.message || event.message === "Script error.")) return;
      client.captureException(event.error ?? event.message, {
        tags: { handled: "no", mechanism: "onerror" },
        context: { location: { file: event.filename, line: event.lineno, column: event.colno } },
      });
    };
    const onRejection = (event: PromiseRejectionEvent) => {
      client.captureException(event.reason, { tags: { handled: "no", mechanism: "onunhandledrejection" } });
    };
    globalThis.addEventListener("error", onError);
    globalThis.addEventListener("unhandledrejection", onRejection);
    return () => {
      globalThis.removeEventListener("error", onError);
      globalThis.removeEventListener("unhandledrejection", onRejection);
    };
  },
  installExitHooks(client: Client) {
    const onHide = () => {
      if (globalThis.document?.visibilityState === "hidden") client.transport.beaconAll();
    };
    const onPageHide = () => client.transport.beaconAll();
    globalThis.document?.addEventListener("visibilitychange", onHide);
    globalThis.addEventListener("pagehide", onPageHide);
    return () => {
      globalThis.document?.removeEventListener("visibilitychange", onHide);
      globalThis.removeEventListener("pagehide", onPageHide);
    };
  },
};
