import { Component, createElement, Fragment, type ErrorInfo, type ReactNode } from "react";
import { getClient } from "../core/hub.js";
import type { CaptureContext } from "../core/types.js";

export interface FallbackProps {
  error: unknown;
  /** The reported event's id ("" when the client is not initialised). */
  eventId: string;
  /** Renders the children again. */
  resetError: () => void;
}

export interface FaultlineErrorBoundaryProps {
  children?: ReactNode;
  /** What to render instead of the children that threw: an element, or a function of the error. */
  fallback?: ReactNode | ((props: FallbackProps) => ReactNode);
  /** Added to the reported event (tags, context, severity…). */
  capture?: CaptureContext;
  /** Called after the error was reported. */
  onError?: (error: unknown, info: ErrorInfo, eventId: string) => void;
  /** Called when resetError() renders the children again. */
  onReset?: () => void;
}

interface State {
  error: unknown;
  hasError: boolean;
  eventId: string;
}

/**
 * Catches render errors below it, reports each once (with the React component stack) and shows the
 * fallback. The same Error object is never reported twice, even when a global handler sees it too.
 */
export class FaultlineErrorBoundary extends Component<FaultlineErrorBoundaryProps, State> {
  state: State = { error: null, hasError: false, eventId: "" };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    const capture = this.props.capture ?? {};
    const eventId =
      getClient()?.captureException(error, {
        ...capture,
        tags: { ...capture.tags, handled: "yes", mechanism: "react.errorBoundary" },
        context: { ...capture.context, react: { componentStack: info.componentStack ?? undefined } },
      }) ?? "";
    this.setState({ eventId });
    this.props.onError?.(error, info, eventId);
  }

  resetError = (): void => {
    this.setState({ error: null, hasError: false, eventId: "" });
    this.props.onReset?.();
  };

  render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    const { fallback } = this.props;
    if (typeof fallback === "function") return fallback({ error: this.state.error, eventId: this.state.eventId, resetError: this.resetError });
    return fallback ?? createElement(Fragment);
  }
}
