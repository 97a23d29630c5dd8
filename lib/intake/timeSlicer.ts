/** How long a request's synchronous work may hold the event loop before it lets others in. */
export const DEFAULT_SLICE_MS = 20;

/**
 * For a loop of synchronous steps over one request's items (preparing a batch's events): the
 * returned `breathe()` gives the event loop a turn (setImmediate) once `sliceMs` have passed since
 * the last one, and returns at once otherwise. A 10 MiB batch of heavy stack traces takes seconds to
 * prepare; without turns, every other request of the instance — health checks included — waits for
 * all of it.
 */
export function timeSlicer(sliceMs = DEFAULT_SLICE_MS, now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = now();
  };
}
