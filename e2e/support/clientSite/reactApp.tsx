// The React page of the browser client test: an error boundary around a component that throws
// when armed, and a button whose click handler hands its error to the boundary through the hook.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { FaultlineErrorBoundary, useFaultline } from "@faultline/client/react";

class BombError extends Error {
  name = "BombError";
}
class HandlerError extends Error {
  name = "HandlerError";
}

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new BombError("the cart widget exploded");
  return <p>cart ok</p>;
}

function Checkout() {
  const { showBoundary } = useFaultline();
  return (
    <button id="handler" onClick={() => showBoundary(new HandlerError("checkout click failed"))}>
      Check out
    </button>
  );
}

function App() {
  const [armed, setArmed] = useState(false);
  return (
    <>
      <button id="arm" onClick={() => setArmed(true)}>
        Arm
      </button>
      <FaultlineErrorBoundary fallback={({ eventId }) => <p id="fallback" data-event-id={eventId}>Something went wrong</p>}>
        <Bomb armed={armed} />
      </FaultlineErrorBoundary>
      <FaultlineErrorBoundary fallback={({ eventId, resetError }) => <button id="handler-fallback" data-event-id={eventId} onClick={resetError}>Try again</button>}>
        <Checkout />
      </FaultlineErrorBoundary>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
