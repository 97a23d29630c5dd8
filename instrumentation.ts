import type { NextErrorContext, NextRequestInfo } from "@faultline/client/next";
import { noteFailedRender } from "@/lib/lifecycle/unavailableRenders";

/**
 * Next.js calls register() once when a server instance starts, in each runtime. Everything an
 * instance starts (lib/lifecycle/startInstance.ts) is Node.js-only: the import sits inside the
 * NEXT_RUNTIME check so the Edge build leaves it out.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startInstance } = await import("@/lib/lifecycle/startInstance");
    await startInstance();
  }
}

/**
 * Errors Next.js caught while rendering or handling a request: a page that failed because the
 * database is unavailable is noted first, before anything is awaited (its response is then 503, not
 * 500: lib/lifecycle/unavailablePageStatus.ts); reported when self-reporting is on.
 */
export async function onRequestError(error: unknown, request: NextRequestInfo, context: NextErrorContext): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") noteFailedRender(error, request.headers);
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.FAULTLINE_SELF_DSN) {
    const { reportRequestError } = await import("@/lib/selfReport/startSelfReporting");
    await reportRequestError(error, request, context);
  }
}
