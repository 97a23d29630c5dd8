import type { ApiError } from "@/lib/http/ApiError";

/** In the last seconds of a window, busy projects lease tokens of the next one ahead of time. */
const LOOKAHEAD_MS = 3_000;

/**
 * Asks the shared counter for `want` more tokens of a project's window (`windowStart`, epoch ms);
 * resolves to how many it granted (0 … want). Granting is exact across instances: the sum granted
 * for a window never passes the limit.
 */
export type LeaseTokens = (projectId: string, windowStart: number, want: number, limit: number) => Promise<number>;

export interface QuotaLeasesOptions {
  /** The fixed window (a minute, a UTC day), in ms since the epoch. */
  windowMs: number;
  lease: LeaseTokens;
  /** The 429 to throw: the limit, and the seconds to the window's end. */
  refuse(limit: number, retryAfterSeconds: number): ApiError;
  onBackgroundError?: (error: unknown) => void;
}

/** Nothing is left for `limit` in this window: it was exhausted under the same or a higher limit. */
function exhausted(quota: WindowQuota, limit: number): boolean {
  return quota.exhaustedAt !== null && limit <= quota.exhaustedAt;
}

interface WindowQuota {
  windowStart: number;
  /** Tokens leased by this instance and not yet used. */
  tokens: number;
  /**
   * The limit under which the counter granted less than asked (nothing left in this window for anyone
   * under that limit), or null. A request under a higher limit (the project's quota was raised, here or
   * on another instance) leases again: the shared counter then grants what the new limit leaves.
   */
  exhaustedAt: number | null;
  leasing: Promise<void> | null;
}

/**
 * Events taken for one request, within one window: extend it as the body reveals more, give them back
 * when nothing was stored, or keep them once stored (a later refund then does nothing).
 */
export interface QuotaTicket {
  extend(n: number): Promise<void>;
  refund(): void;
  keep(): void;
}

export const NO_LIMIT: QuotaTicket = { extend: async () => undefined, refund: () => undefined, keep: () => undefined };

/**
 * Per-project event quotas per fixed window (a minute, a UTC day), decided in memory. Each instance leases
 * tokens from the shared counter in chunks (a twentieth of the limit) and hands them to requests
 * without a query; a background lease tops its stock up before it runs out, and in a window's last
 * seconds it leases the next window's first chunk. Only when its stock is empty (a project's first
 * request of a window on this instance, or a burst faster than the top-ups) does a request wait for
 * a lease; once the counter is exhausted, requests are refused in memory until the window ends, or until the
 * limit is raised (the window remembers the limit that exhausted it; a higher one leases again).
 * Exactness: no instance can use tokens it was not granted, so a window never admits more than the
 * limit; it may admit a little less (tokens leased but unused at the window's end, at most one
 * chunk per instance).
 */
export class QuotaLeases {
  private readonly windows = new Map<string, WindowQuota[]>();
  private readonly onBackgroundError: (error: unknown) => void;

  constructor(private readonly options: QuotaLeasesOptions) {
    this.onBackgroundError = options.onBackgroundError ?? (() => undefined);
  }

  /** Takes `n` tokens now, or throws the options' 429. A null limit is no limit (0 admits nothing). */
  async take(projectId: string, limit: number | null, n: number, now = Date.now()): Promise<QuotaTicket> {
    if (limit === null) return NO_LIMIT;
    const quota = this.current(projectId, now);
    await this.takeFrom(projectId, quota, limit, n, now);
    let taken = n;
    return {
      extend: async (more) => {
        if (more <= 0) return;
        try {
          await this.takeFrom(projectId, quota, limit, more, now);
          taken += more;
        } catch (error) {
          quota.tokens += taken;
          taken = 0;
          throw error;
        }
      },
      refund: () => {
        quota.tokens += taken;
        taken = 0;
      },
      keep: () => {
        taken = 0;
      },
    };
  }

  private async takeFrom(projectId: string, quota: WindowQuota, limit: number, n: number, now: number): Promise<void> {
    const chunk = Math.max(1, Math.min(1_000, Math.ceil(limit / 20)));
    for (;;) {
      if (quota.tokens >= n) {
        quota.tokens -= n;
        if (quota.tokens < chunk / 2 && !exhausted(quota, limit)) this.topUp(projectId, quota, chunk, limit);
        const end = quota.windowStart + this.options.windowMs;
        if (end - now < LOOKAHEAD_MS) this.leaseAhead(projectId, end, chunk, limit);
        return;
      }
      if (exhausted(quota, limit) || n > limit) {
        throw this.options.refuse(limit, Math.max(1, Math.ceil((quota.windowStart + this.options.windowMs - now) / 1000)));
      }
      await (quota.leasing ?? this.leaseInto(projectId, quota, Math.max(chunk, n - quota.tokens), limit));
    }
  }

  private topUp(projectId: string, quota: WindowQuota, chunk: number, limit: number): void {
    if (quota.leasing) return;
    this.leaseInto(projectId, quota, chunk, limit).catch(this.onBackgroundError);
  }

  private leaseAhead(projectId: string, windowStart: number, chunk: number, limit: number): void {
    const next = this.window(projectId, windowStart);
    if (next.tokens > 0 || exhausted(next, limit) || next.leasing) return;
    this.leaseInto(projectId, next, chunk, limit).catch(this.onBackgroundError);
  }

  private leaseInto(projectId: string, quota: WindowQuota, want: number, limit: number): Promise<void> {
    quota.leasing = this.options.lease(projectId, quota.windowStart, want, limit)
      .then((granted) => {
        quota.tokens += granted;
        // Under the highest limit asked with: a late answer to a lease under an older, lower limit
        // does not hide what a raised one leaves.
        if (granted < want) quota.exhaustedAt = Math.max(quota.exhaustedAt ?? limit, limit);
      })
      .finally(() => {
        quota.leasing = null;
      });
    return quota.leasing;
  }

  private current(projectId: string, now: number): WindowQuota {
    return this.window(projectId, Math.floor(now / this.options.windowMs) * this.options.windowMs);
  }

  /** The quota of one window; windows that have ended are dropped. */
  private window(projectId: string, windowStart: number): WindowQuota {
    const list = (this.windows.get(projectId) ?? []).filter((w) => w.windowStart >= windowStart - this.options.windowMs);
    let quota = list.find((w) => w.windowStart === windowStart);
    if (!quota) {
      quota = { windowStart, tokens: 0, exhaustedAt: null, leasing: null };
      list.push(quota);
    }
    this.windows.set(projectId, list);
    return quota;
  }
}
