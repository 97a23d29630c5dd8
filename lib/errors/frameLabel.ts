import { isBinaryFrame, languageOfFrame } from "@/lib/grouping/frames/frameLanguage";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * Languages whose frames name the function by its module (class, namespace, package) apart from its
 * name, and whose runtimes print the two joined: `com.shop.OrderService.process`,
 * `Shop.Api.OrderService.Process`, `MyApp.Orders.create/2`, `github.com/shop/orders.Process`,
 * `Shop::Checkout::finish` (Perl), `Dune__exe__Main.lookup` (OCaml).
 */
const QUALIFIED: ReadonlySet<Language> = new Set(["java", "dotnet", "elixir", "go", "perl", "ocaml"]);

/**
 * A frame's function as the frame lists show it: its name, qualified by its class or module where
 * the runtime prints it so (Java/Kotlin, .NET, Elixir/Erlang, Go, Perl, OCaml — `eventLanguage` is the event's;
 * a frame's file extension decides when that is unknown); "<anonymous>" for a nameless function in
 * a source file (JavaScript callbacks); "<unknown function>" for a frame located only by its binary
 * (an unsymbolicated native frame).
 */
export function frameFunctionLabel(frame: Pick<Frame, "function" | "module" | "filename" | "absPath">, eventLanguage: Language = "unknown"): string {
  if (!frame.function) return frame.filename || frame.absPath ? "<anonymous>" : "<unknown function>";
  const fn = frame.function;
  // sentry-elixir sends the module as its atom ("Elixir.MyApp.Orders") and the function already
  // qualified ("MyApp.Orders.create/2", "anonymous fn/1 in MyApp.Orders.f/2", ":gen_server.call/3").
  const owner = frame.module?.replace(/^Elixir\./, "");
  const language = languageOfFrame(frame, eventLanguage);
  if (!owner || isBinaryFrame(frame) || !QUALIFIED.has(language)) return fn;
  if (fn.startsWith(":") || namesModule(fn, owner)) return fn;
  // sentry-dotnet sends the assembly as the module and the method with its class and signature
  // ("async Task OrdersController.ReserveAsync(Guid id)"): only a bare method name (a trace read
  // from text: namespace and class in the module) is qualified.
  if (language === "dotnet" && !/^[\w`<>$]+$/.test(fn)) return fn;
  if (language === "perl") return `${owner}::${fn}`;
  // Erlang modules are lower-case atoms, printed `mod:fun/arity`; Elixir's (and everyone else's) join with a dot.
  return /^[a-z][\w@]*$/.test(owner) && /\/\d{1,3}$/.test(fn) ? `${owner}:${fn}` : `${owner}.${fn}`;
}

/** Whether a function's name already says its module: "Mod.f", "mod:f", "… in Mod.f/2". */
function namesModule(fn: string, owner: string): boolean {
  const at = fn.indexOf(owner);
  if (at < 0) return false;
  const before = at === 0 ? " " : fn[at - 1];
  const after = fn[at + owner.length];
  return (before === " " || before === "(") && (after === "." || after === ":");
}

/**
 * Where an unsymbolicated native frame's instruction lies: "+0x2a2b4" into its binary when the
 * binary's start is known (stable across runs, what `atos -l` / `addr2line` take with the build's
 * symbols), else the absolute address. Null for frames that carry no address.
 */
export function frameAddressLabel(frame: Pick<Frame, "instructionAddr" | "imageAddr">): string | null {
  if (!frame.instructionAddr) return null;
  try {
    const address = BigInt(frame.instructionAddr);
    const start = frame.imageAddr ? BigInt(frame.imageAddr) : undefined;
    return start !== undefined && address >= start ? `+0x${(address - start).toString(16)}` : `0x${address.toString(16)}`;
  } catch {
    return null;
  }
}
