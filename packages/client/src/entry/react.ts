/** @faultline/client/react — an error boundary and a hook; they report through the client `init` started. */
export { FaultlineErrorBoundary } from "../react/FaultlineErrorBoundary";
export type { FallbackProps, FaultlineErrorBoundaryProps } from "../react/FaultlineErrorBoundary";
export { useFaultline } from "../react/useFaultline";
export type { FaultlineHook } from "../react/useFaultline";
