/** @faultline/client/next — Next.js instrumentation: `export { onRequestError } from "@faultline/client/next"`. */
export { captureRequestError, onRequestError } from "../next/captureRequestError.js";
export type { NextErrorContext, NextRequestInfo } from "../next/captureRequestError.js";
