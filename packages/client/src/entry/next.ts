/** @faultline/client/next — Next.js instrumentation: `export { onRequestError } from "@faultline/client/next"`. */
export { captureRequestError, onRequestError } from "../next/captureRequestError";
export type { NextErrorContext, NextRequestInfo } from "../next/captureRequestError";
