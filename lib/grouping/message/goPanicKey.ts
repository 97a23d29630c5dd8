/**
 * A Go panic printed as text is typed "panic" (or "fatal error") whatever went wrong: its message is
 * what another runtime's exception type would say. So the normalised message joins the key of a Go
 * panic — numbers, quoted values and addresses are placeholders (`index out of range [<num>] with
 * length <num>`, `events: unknown topic <str>`):
 *
 * - the runtime's errors (`runtime error: …`), keyed so since the sixth look (2026-12-07);
 * - since 2026-12-09 (review s54) every other text panic too: the runtime's own unprefixed panics
 *   (`assignment to entry in nil map`, `send on closed channel`, `close of closed channel`,
 *   `interface conversion: …`), every `fatal error:` (`concurrent map writes`, `all goroutines are
 *   asleep - deadlock!`, `out of memory`, `stack overflow`) and an app's own `panic("…")` /
 *   `panic(err)`: a nil map write, a send on a closed channel and `panic("unreachable: unknown
 *   currency")` in one function are three bugs with the same frames. sentry-go reports an app's
 *   string panic as a message (keyed on its text) and its runtime panics with the runtime's error
 *   type, which is one for several of them (`runtime.plainError`: nil map write and closed channel;
 *   `runtime.errorString`: nil dereference and division by zero): those are keyed on their message
 *   as well.
 *
 * The concurrent map access errors are one key: which operation caught the race (a read or a write)
 * decides between `concurrent map writes` and `concurrent map read and map write`.
 */
const GO_PANIC_TYPES = new Set(["panic", "fatal error"]);
/** The Go runtime's error values as sentry-go names them (reflect.TypeOf(err).String()). */
const RUNTIME_ERROR_TYPE = /^\*?runtime\.[A-Za-z]+$/;
const RUNTIME_ERROR = /^runtime error: /;
const CONCURRENT_MAP_ACCESS = /^concurrent map (?:writes|read and map write|iteration and map write|clone and map write)$/;

export interface GoPanicKey {
  /** The key component. */
  component: string;
  /** Added by the 2026-12-09 upgrade: the event's previous fingerprint is computed without it. */
  sinceUpgrade: boolean;
}

/**
 * The key component of a Go panic's message, or undefined when the exception is no panic (or its
 * message is empty). `previous`: as before the 2026-12-09 upgrade (only `runtime error: …` panics).
 */
export function goPanicKey(type: string, normalisedMessage: string, previous = false): GoPanicKey | undefined {
  const t = type.trim();
  const textPanic = GO_PANIC_TYPES.has(t);
  if (textPanic && RUNTIME_ERROR.test(normalisedMessage)) return { component: `runtime-error:${normalisedMessage}`, sinceUpgrade: false };
  if (previous || normalisedMessage === "" || !(textPanic || RUNTIME_ERROR_TYPE.test(t))) return undefined;
  const message = CONCURRENT_MAP_ACCESS.test(normalisedMessage) ? "concurrent map access" : normalisedMessage;
  return { component: `panic:${message}`, sinceUpgrade: true };
}
