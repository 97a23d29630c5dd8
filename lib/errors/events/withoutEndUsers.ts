/**
 * What an ingest key — the DSN's public key, shipped in browser bundles and apps, so anyone who opens
 * the customer's site holds it — reads of an event: the error as data (its exception chain and frames,
 * threads, release, environment, SDK, the technical contexts and tags), never the application's end
 * users. Gone are the user (`user`, `userId`, the `user` and `user.*` tags), the request (`request`,
 * the `url` tag: addresses carry ids and tokens), breadcrumbs (visited URLs, console lines, form
 * input), extra data and the frames' local variables (whatever the application held), contexts that
 * are not technical, the device's name, and attachments (screenshots, minidumps, logs: a key cannot
 * download them either). Pure.
 */

/** Context kinds kept for a key (by name or by their `type`): the runtime and the machine, not the person. */
const TECHNICAL_CONTEXTS = new Set(["app", "browser", "device", "gpu", "os", "runtime", "trace"]);

/** Whether a tag key names the end user or the request's address (refused as a key's search or filter too). */
export function isEndUserTag(key: string): boolean {
  const lower = key.toLowerCase();
  return lower === "user" || lower.startsWith("user.") || lower === "url";
}

interface WithFrames {
  frames: ({ vars?: unknown } & object)[];
}

interface EventShape {
  userId: string | null;
  user: unknown;
  request: unknown;
  breadcrumbs: unknown[];
  extra: unknown;
  contexts: Record<string, Record<string, unknown>>;
  tags: [string, string][];
  exceptions: WithFrames[];
  threads: WithFrames[];
  attachments: unknown[];
}

export function eventWithoutEndUsers<E extends EventShape>(event: E): E {
  return {
    ...event,
    userId: null,
    user: null,
    request: null,
    breadcrumbs: [],
    extra: null,
    contexts: technicalContexts(event.contexts),
    tags: event.tags.filter(([key]) => !isEndUserTag(key)),
    exceptions: event.exceptions.map(withoutVars),
    threads: event.threads.map(withoutVars),
    attachments: [],
  };
}

/** An event's own tags as stored (an object) without the end user's and the address. */
export function tagsWithoutEndUsers(tags: unknown): unknown {
  if (!tags || typeof tags !== "object" || Array.isArray(tags)) return tags;
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !isEndUserTag(key)));
}

function technicalContexts(contexts: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const kept: Record<string, Record<string, unknown>> = {};
  for (const [name, context] of Object.entries(contexts)) {
    const kind = typeof context.type === "string" ? context.type : name;
    if (!TECHNICAL_CONTEXTS.has(name) && !TECHNICAL_CONTEXTS.has(kind)) continue;
    if (name === "device" || kind === "device") {
      // A phone's name is often its owner's ("Dana's iPhone").
      const { name: _deviceName, ...device } = context;
      void _deviceName;
      kept[name] = device;
    } else kept[name] = context;
  }
  return kept;
}

function withoutVars<T extends WithFrames>(holder: T): T {
  return { ...holder, frames: framesWithoutVars(holder.frames) };
}

/** Frames without their local variables (anything else — not a list, a frame that is no object — as it is). */
export function framesWithoutVars<T>(frames: T): T {
  if (!Array.isArray(frames)) return frames;
  return frames.map((frame: unknown) => {
    if (!frame || typeof frame !== "object" || !("vars" in frame)) return frame;
    const { vars: _vars, ...rest } = frame;
    void _vars;
    return rest;
  }) as T;
}

/** An exception chain (the issue's, an occurrence's) with every link's frames without variables. */
export function chainWithoutVars<T extends { frames?: unknown }>(chain: T[] | null): T[] | null {
  return chain?.map((link) => ({ ...link, frames: framesWithoutVars(link.frames) })) ?? null;
}
