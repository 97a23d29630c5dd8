/**
 * Requests being handled by this process, and whether it is shutting down (shared by the route
 * handlers and the ingest fast path through globalThis). While draining, new requests are answered
 * 503 with Retry-After and `Connection: close` so clients go elsewhere; those in flight finish.
 */
interface InFlight {
  count: number;
  draining: boolean;
  idle: Set<() => void>;
}

const globalForInFlight = globalThis as unknown as { faultlineInFlight?: InFlight };

function state(): InFlight {
  globalForInFlight.faultlineInFlight ??= { count: 0, draining: false, idle: new Set() };
  return globalForInFlight.faultlineInFlight;
}

/** The answer to a request that arrives while draining (status, headers, JSON body). */
export const SHUTTING_DOWN = {
  status: 503,
  headers: { "retry-after": "1", connection: "close" },
  body: { error: { code: "shutting_down", message: "this instance is shutting down: retry" } },
} as const;

export function isDraining(): boolean {
  return state().draining;
}

export function startDraining(): void {
  state().draining = true;
}

export function requestStarted(): void {
  state().count++;
}

export function requestFinished(): void {
  const s = state();
  s.count = Math.max(0, s.count - 1);
  if (s.count === 0) s.idle.forEach((resolve) => resolve());
}

export function inFlightCount(): number {
  return state().count;
}

/** Resolves when no request is in flight, or after `timeoutMs`; true when it got idle. */
export function whenIdle(timeoutMs: number): Promise<boolean> {
  const s = state();
  if (s.count === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (idle: boolean) => {
      s.idle.delete(onIdle);
      clearTimeout(timer);
      resolve(idle);
    };
    const onIdle = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    s.idle.add(onIdle);
  });
}
