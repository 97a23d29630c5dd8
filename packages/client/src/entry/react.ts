/** @faultline/client/react — an error boundary and a hook; they report through the client `init` started. */
export { FaultlineErrorBoundary } from "../react/FaultlineErrorBoundary.js";
export type { FallbackProps, FaultlineErrorBoundaryProps } from "../react/FaultlineErrorBoundary.js";
export { useFaultline } from "../react/useFaultline.js";
export type { FaultlineHook } from "../react/useFaultline.js";
