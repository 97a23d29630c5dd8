import { ApiError } from "@/lib/http/ApiError";
import type { QuotaTicket } from "@/lib/intake/quotaLeases";
import { admitEvents, type ProjectLimits } from "@/lib/intake/rateLimit";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";

type Target = { workspaceId: string; projectId: string };

const isRefusal = (error: unknown) => error instanceof ApiError && error.status === 429;

/**
 * The rate-limit stage of both doors, before the body is read (lib/intake/rateLimit.ts): a refused
 * request counts as one rate-limited event in the ingest health (its events are not known yet).
 */
async function admit(target: Target, limits: ProjectLimits): Promise<QuotaTicket> {
  return admitEvents(limits).catch((error: unknown) => {
    if (isRefusal(error)) countIngest(target, "rateLimited", 1);
    throw error;
  });
}

/**
 * Admits one request (`admit`) and runs its work with the ticket: the work keeps the ticket once
 * something is stored (`ticket.keep()`); when it throws, the ticket is refunded (a no-op after
 * `keep`) and the error goes on. What every door that writes does around its body.
 */
export async function withAdmission<T>(target: Target, limits: ProjectLimits, work: (ticket: QuotaTicket) => Promise<T>): Promise<T> {
  const ticket = await admit(target, limits);
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
