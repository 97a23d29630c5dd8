import { ApiError } from "@/lib/http/ApiError";
import { NO_LIMIT, type QuotaTicket } from "@/lib/intake/quotaLeases";
import { admitEvents, type LimitCategory, type ProjectLimits } from "@/lib/intake/rateLimit";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";

type Target = { workspaceId: string; projectId: string };

const isRefusal = (error: unknown) => error instanceof ApiError && error.status === 429;

export interface AdmissionOptions {
  /** What the request counts against (lib/intake/rateLimit.ts): events unless said otherwise. */
  category?: LimitCategory;
  /**
   * Asked only when the request is over the limit: true when the door can tell (reading a small
   * body) that the request carries nothing the limit counts — a Sentry envelope of sessions,
   * client reports and check-ins — and so admits it anyway. Off the common path: a request under
   * the limit never gets here.
   */
  carriesNothingCounted?: () => Promise<boolean>;
}

/**
 * The rate-limit stage of every door, before the body is read (lib/intake/rateLimit.ts): a refused
 * request counts as one rate-limited event in the ingest health (its events are not known yet).
 */
async function admit(target: Target, limits: ProjectLimits, options: AdmissionOptions): Promise<QuotaTicket> {
  try {
    return await admitEvents(limits, options.category);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    if (options.carriesNothingCounted && (await options.carriesNothingCounted().catch(() => false))) return admittingNothing(error);
    countIngest(target, "rateLimited", 1);
    throw error;
  }
}

/** The ticket of a request admitted over the limit for carrying nothing it counts: should it carry something after all, that is refused. */
function admittingNothing(refusal: unknown): QuotaTicket {
  return {
    extend: async () => {
      throw refusal;
    },
    refund: () => undefined,
    keep: () => undefined,
  };
}

/**
 * Admits one request (`admit`) and runs its work with the ticket: the work keeps the ticket once
 * something is stored (`ticket.keep()`); when it throws, the ticket is refunded (a no-op after
 * `keep`) and the error goes on. What every door that writes does around its body.
 */
export async function withAdmission<T>(target: Target, limits: ProjectLimits, work: (ticket: QuotaTicket) => Promise<T>, options: AdmissionOptions = {}): Promise<T> {
  const ticket = await admit(target, limits, options);
  try {
    return await work(ticket);
  } catch (error) {
    ticket.refund();
    throw error;
  }
}

/** Once the body is parsed: the request's `events` must all fit (the first was taken by `admit`), else 429. */
export async function admitAll(target: Target, ticket: QuotaTicket, events: number): Promise<void> {
  if (events === 0) return ticket.refund();
  await ticket.extend(events - 1).catch((error: unknown) => {
    if (isRefusal(error)) countIngest(target, "rateLimited", events);
    throw error;
  });
}

/**
 * `n` items counted apart from the request's events (an envelope's check-ins: `category`), taken at
 * once once the body is parsed: a ticket to keep when they are stored (refund otherwise), or 429
 * (counted as `n` rate-limited).
 */
export async function admitItems(target: Target, limits: ProjectLimits, category: LimitCategory, n: number): Promise<QuotaTicket> {
  if (n === 0) return NO_LIMIT;
  return admitEvents(limits, category, n).catch((error: unknown) => {
    if (isRefusal(error)) countIngest(target, "rateLimited", n);
    throw error;
  });
}
