import { parseSymbol } from "@/lib/ingest/swift/demangler";
import { printSymbol } from "@/lib/ingest/swift/printer";

/**
 * Demangles a Swift symbol into the name a developer wrote, for stack frames sent unsymbolicated
 * (Sentry's cocoa SDK when no debug symbols were applied, Swift's runtime backtraces on Linux):
 *
 *   $s3App12OrderServiceC5place5itemsySaySSG_tKF   →  App.OrderService.place(items:)
 *   $s4Shop9CartModelV5totalSdvg                   →  Shop.CartModel.total.getter
 *   $s3App11AppDelegateC11application_29didFin…fU_ →  closure #1 in App.AppDelegate.application(_:didFinishLaunchingWithOptions:)
 *
 * The form is `swift demangle --simplified`'s, with module names kept: the module-qualified context,
 * the name and its argument labels, without argument, result or property types, generic parameters
 * and where clauses ("Store.load<A where A: Decodable>(_: A.Type) throws -> A" is "App.Store.load(_:)").
 * That is what a person reads in a frame, and what grouping wants: it is the same from one build to
 * the next and when a parameter's type changes; closures keep their number ("closure #2 in …"),
 * local functions theirs ("helper #1() in …"); an extension in another module than its type's
 * keeps that module ("(extension in App):Swift.Array.total()"). What the symbol is of its function
 * comes first, in Swift's words: "partial apply for ", "merged ", "@objc ", "specialized ",
 * "await resumption partial function for " (without the continuation's number), "protocol witness
 * for … in conformance App.Order", "type metadata accessor for App.Order", "outlined copy of App.Order?",
 * "reabstraction thunk helper" (the function types it converts are not named).
 *
 * Prefixes "$s" (Swift 5+), "$S" (4.2), "_T0" (4.0) and "$e" (Embedded Swift), also with the extra
 * "_" of Mach-O symbol tables; an LLVM suffix after "." (".cold.1", ".llvm.8412") is ignored. Null
 * when the text is not a Swift symbol or uses a part of the grammar this does not read (symbolic
 * references, pre-4.0 "_T" symbols, macros, packs, differentiation, key path helpers' equality…).
 * Hostile input is bounded: at most 4096 characters are read, each in constant work, with the
 * stack, back-references, identifiers, printed depth, nodes and output (1024 characters) capped;
 * never throws.
 */
export function demangleSwift(symbol: string): string | null {
  if (typeof symbol !== "string" || symbol.length > MAX_SYMBOL) return null;
  const text = symbol.trim();
  const prefix = PREFIXES.find((p) => text.startsWith(p));
  if (!prefix) return null;
  let body = text.slice(prefix.length);
  const dot = body.indexOf(".");
  if (dot >= 0) body = body.slice(0, dot);
  if (!MANGLED.test(body)) return null;
  try {
    return printSymbol(parseSymbol(body, prefix.endsWith("T0")));
  } catch {
    return null;
  }
}

/** A frame's function: its demangled form when it is a mangled Swift symbol, else unchanged. */
export function demangleFunctionName(fn: string): string {
  return SWIFT_PREFIX.test(fn) ? (demangleSwift(fn) ?? fn) : fn;
}

const MAX_SYMBOL = 4096;
const PREFIXES = ["$s", "_$s", "$S", "_$S", "$e", "_$e", "_T0", "__T0"];
const SWIFT_PREFIX = /^\s*(?:_?\$[sSe]|_?_T0)/;
/** No symbolic references (control characters pointing into a binary) or anything else outside identifiers and operators. */
const MANGLED = /^[A-Za-z0-9_$]+$/;
