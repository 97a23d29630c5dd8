import type { FaultlineEvent } from "../core/types.js";
import type { QueueStorage } from "../transport/sender.js";

const PREFIX = "faultline:queue:";
/** localStorage holds ~5 MB per origin; the queue takes at most this much of it. */
const MAX_STORED_CHARS = 1_000_000;

/**
 * The queue in localStorage, one key per page (`faultline:queue:<endpoint>:<page>`), so tabs never
 * overwrite each other. A new page adopts every key of its endpoint: events a closed (or crashed)
 * page left behind are sent by the next one. A page that is still open re-saves its own queue on
 * its next change; should both send an event, its id makes the second copy a no-op on the server.
 */
export function createLocalStorageQueue(namespace: string, maxEvents: number): QueueStorage | undefined {
  const storage = localStorageOrUndefined();
  if (!storage) return undefined;
  const ownKey = `${PREFIX}${namespace}:${Math.random().toString(36).slice(2, 10)}`;
  const endpointPrefix = `${PREFIX}${namespace}:`;

  return {
    load() {
      const events: FaultlineEvent[] = [];
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key && key.startsWith(endpointPrefix)) keys.push(key);
      }
      for (const key of keys) {
        try {
          const parsed: unknown = JSON.parse(storage.getItem(key) ?? "[]");
          if (Array.isArray(parsed)) events.push(...parsed.filter(isEvent));
        } catch {
          // A damaged entry is dropped.
        }
        storage.removeItem(key);
      }
      return events.slice(-maxEvents);
    },
    save(events) {
      if (events.length === 0) {
        storage.removeItem(ownKey);
        return;
      }
      let kept = events.slice(-maxEvents);
      let text = JSON.stringify(kept);
      while (text.length > MAX_STORED_CHARS && kept.length > 1) {
        kept = kept.slice(Math.ceil(kept.length / 4));
        text = JSON.stringify(kept);
      }
      if (text.length <= MAX_STORED_CHARS) storage.setItem(ownKey, text);
    },
  };
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    // Disabled cookies/storage, sandboxed iframes, Safari private mode of old.
    return undefined;
  }
}

function isEvent(value: unknown): value is FaultlineEvent {
  return !!value && typeof value === "object" && typeof (value as FaultlineEvent).eventId === "string" && typeof (value as FaultlineEvent).type === "string";
}
