/**
 * Native function names whose signature follows the name in a way C++'s does not: what lldb, `swift
 * demangle`, Swift's backtracer and gdb print for Swift, and Kotlin/Native's `kfun:` symbols.
 */

/**
 * Swift's full demangling puts the result type and effects after the parameter list, and a
 * property's type after its accessor:
 *   Shop.OrderService.total(for: Swift.Int) -> Swift.Double
 *   Shop.CheckoutViewModel.refresh() async throws -> ()
 *   Shop.Cart.total.getter : Swift.Double
 *   closure #1 (Swift.Int) -> Swift.Bool in Shop.Filter.apply(Swift.String) -> Swift.Bool
 * Returned without them (a closure's own type too), so "-> Swift.Double" is never read as the name:
 * "Shop.OrderService.total(for: Swift.Int)", "closure in Shop.Filter.apply(Swift.String)".
 */
export function withoutSwiftTypes(name: string): string {
  if (!name.includes(" -> ") && !name.includes(" : ")) return name;
  // A closure's type comes before the " in " that names its enclosing function.
  const closures = name.replace(/\b((?:implicit )?closure) #\d+ (?:[\s\S]*? )?in (?=\S)/g, "$1 #0 in ");
  const cut = firstAtDepthZero(closures, [" -> ", " : "]);
  const head = cut < 0 ? closures : closures.slice(0, cut);
  return head.replace(/(?: async| (?:re)?throws(?:\([^()]{0,256}\))?)+$/, "");
}

/** The index of the first of `needles` outside (), [] and <>; -1 when none. */
function firstAtDepthZero(s: string, needles: string[]): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "[" || c === "<") depth++;
    else if ((c === ")" || c === "]" || c === ">") && depth > 0 && s[i - 1] !== "-") depth--;
    else if (depth === 0 && needles.some((needle) => s.startsWith(needle, i))) return i;
  }
  return -1;
}

/**
 * Kotlin/Native: "kfun:com.acme.orders.OrderService#load(kotlin.Int){}com.acme.orders.Order" (1.5+;
 * before, "kfun:com.acme.orders.OrderService.load(kotlin.Int)com.acme.orders.Order"): the qualified
 * name before its parameter list, type parameters and result type; a lambda's or function
 * reference's number ("$load$lambda$0#internal", "$FUNCTION_REFERENCE$3") dropped. Null for other names.
 */
export function kotlinNativeName(name: string): string | null {
  if (!name.startsWith("kfun:")) return null;
  const open = name.indexOf("(");
  const qualified = open > 0 ? name.slice(5, open) : name.slice(5);
  return qualified.replace(/\$lambda[$-]\d+/g, "$lambda").replace(/\$FUNCTION_REFERENCE\$\d+/g, "$FUNCTION_REFERENCE");
}
