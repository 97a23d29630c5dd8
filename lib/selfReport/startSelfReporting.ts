import os from "node:os";
import { captureException, init } from "@faultline/client";
import { onRequestError, type NextErrorContext, type NextRequestInfo } from "@faultline/client/next";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { onServerError } from "@/lib/observability/serverErrors";
import { errorSignature, SelfReportGuard } from "@/lib/selfReport/selfReportGuard";
import { version } from "@/package.json";

const state = globalThis as unknown as { faultlineSelfReporting?: boolean };
const guard = new SelfReportGuard();

/**
 * Dogfooding: with FAULTLINE_SELF_DSN set, this instance reports its own unexpected errors (500s,
 * failing background jobs, errors Next.js reports through onRequestError) with @faultline/client.
 * Point it at a project of another Faultline instance, or of this one: a guard stops the loop where
 * reporting the failure of a report would fail again (see SelfReportGuard).
 */
export function startSelfReporting(): boolean {
  const dsn = env().FAULTLINE_SELF_DSN;
  if (!dsn || state.faultlineSelfReporting) return !!dsn;
  const client = init({
    dsn,
    environment: process.env.NODE_ENV ?? "production",
    release: `faultline@${version}`,
    tags: { service: "faultline", instance: os.hostname() },
    // Next.js owns the process: its crash handling stays as it is.
    globalHandlers: false,
    maxQueueSize: 200,
  });
  if (!client) {
    logger.warn("FAULTLINE_SELF_DSN is not usable: self-reporting is off");
    return false;
  }
  onServerError((error, context) => {
    if (!guard.allow(`${context.where}|${context.route ?? ""}|${errorSignature(error)}`, Date.now())) return;
    const tags = { where: context.where, ...(context.route && { route: context.route }), ...(context.method && { method: context.method }) };
    captureException(error, { severity: "high", source: "faultline", tags });
  });
  state.faultlineSelfReporting = true;
  logger.info("self-reporting on", { to: client.endpoint.url });
  return true;
}

/** Next.js's onRequestError (render errors of pages and server components), through the same guard. */
export async function reportRequestError(error: unknown, request: NextRequestInfo, context: NextErrorContext): Promise<void> {
  if (!state.faultlineSelfReporting) return;
  if (!guard.allow(`request|${errorSignature(error)}`, Date.now())) return;
  await onRequestError(error, request, context);
}
