/**
 * Where the server's own unexpected errors go besides the log: a 500 answered by the one error
 * mapper, a background job that threw. Listeners (the self-reporter, lib/selfReport) subscribe; this
 * module imports nothing, so every layer may report through it. The listener set lives on
 * globalThis because Next.js bundles instrumentation and routes separately.
 */
export interface ServerErrorContext {
  /** "http", or "job:<name>" for a background loop. */
  where: string;
  /** HTTP: the request method and its path with ids replaced (`/api/v1/errors/:id`, lib/http/routeOf). */
  method?: string;
  route?: string;
}

type Listener = (error: unknown, context: ServerErrorContext) => void;

const registry = globalThis as unknown as { faultlineServerErrorListeners?: Set<Listener> };

function listeners(): Set<Listener> {
  return (registry.faultlineServerErrorListeners ??= new Set());
}

export function onServerError(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Hands an unexpected error to the listeners; never throws. */
export function reportServerError(error: unknown, context: ServerErrorContext): void {
  for (const listener of listeners()) {
    try {
      listener(error, context);
    } catch {
      // A reporter must never turn one failure into two.
    }
  }
}
