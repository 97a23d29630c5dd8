import { fail, index, next, popContext, popDeclName, popEntity, popIf, popType, type State } from "@/lib/ingest/swift/state";
import { popFunctionType } from "@/lib/ingest/swift/types";
import { mk, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

/** The function type inside a "Type" (or a generic one's); undefined for any other type. */
export function functionTypeOf(t: SwiftNode | undefined): SwiftNode | undefined {
  let inner = t?.kind === "Type" ? t.children[0] : t;
  if (inner?.kind === "DependentGeneric") inner = inner.children[0]?.children[0];
  return inner?.kind === "FunctionType" ? inner : undefined;
}

/** How many parameters a function type has: its parameter tuple's elements, else one. */
export function parameterCount(fn: SwiftNode): number {
  const parameters = fn.children[0]?.children[0];
  return parameters?.kind === "Tuple" ? parameters.children.length : 1;
}

/**
 * label-list ::= 'y' (no parameter has a label) | (identifier | '_')* (one per parameter), right
 * below the function's type. Undefined when the function has no parameters, or in Swift 4.0's
 * mangling, where labels are the parameter tuple's (printer.ts reads them there).
 */
function popLabels(s: State, t: SwiftNode | undefined): SwiftNode | undefined {
  if (!s.oldMangling && popIf(s, "EmptyList")) return mk("LabelList");
  const fn = functionTypeOf(t);
  if (!fn || s.oldMangling) return undefined;
  const count = parameterCount(fn);
  if (count === 0) return undefined;
  const labels: SwiftNode[] = [];
  for (let i = 0; i < count; i++) labels.push(popIf(s, "Identifier", "FirstElement") ?? fail());
  return mk("LabelList", labels.reverse());
}

/** context decl-name label-list function-signature generic-signature? 'F' */
export function plainFunction(s: State): SwiftNode {
  popIf(s, "GenericSignature");
  const fn = mk("Type", [popFunctionType(s, "")]);
  const labels = popLabels(s, fn);
  const name = popDeclName(s);
  return mk("Function", [popContext(s), name, fn, ...(labels ? [labels] : [])]);
}

/** context decl-name label-list? type 'v' ACCESSOR */
export function variable(s: State): SwiftNode {
  const t = popType(s);
  popLabels(s, t);
  const name = popDeclName(s);
  return accessor(s, mk("Variable", [popContext(s), name]));
}

/** context label-list type file-discriminator? 'i' ACCESSOR */
export function subscript(s: State): SwiftNode {
  popIf(s, "PrivateName");
  const t = popType(s);
  const labels = popLabels(s, t);
  return accessor(s, mk("Subscript", [popContext(s), t, ...(labels ? [labels] : [])]));
}

const ACCESSORS = new Map([
  ["m", "materializeForSet"],
  ["s", "setter"],
  ["g", "getter"],
  ["G", "getter"],
  ["w", "willset"],
  ["W", "didset"],
  ["r", "read"],
  ["M", "modify"],
  ["i", "init"],
  ["x", "modify2"],
  ["y", "read2"],
  ["b", "borrow"],
  ["z", "mutate"],
]);

const ADDRESSORS = new Map([
  ["u", "unsafe"],
  ["O", "owning"],
  ["o", "nativeOwning"],
  ["p", "nativePinning"],
]);

function accessor(s: State, storage: SwiftNode): SwiftNode {
  const c = next(s);
  if (c === "p") return storage; // the storage itself
  const named = ACCESSORS.get(c);
  if (named) return mk("Accessor", [storage], named);
  if (c !== "a" && c !== "l") fail();
  const kind = ADDRESSORS.get(next(s)) ?? fail();
  return mk("Accessor", [storage], `${kind}${c === "a" ? "MutableAddressor" : "Addressor"}`);
}

const WITHOUT_OPERANDS = new Map<string, readonly ["Deinit" | "EntityOf", string]>([
  ["E", ["Deinit", "__ivar_destroyer"]],
  ["e", ["Deinit", "__ivar_initializer"]],
  ["d", ["Deinit", "deinit"]],
  ["Z", ["Deinit", "__isolated_deallocating_deinit"]],
  ["i", ["EntityOf", "variable initialization expression"]],
  ["P", ["EntityOf", "property wrapper backing initializer"]],
  ["W", ["EntityOf", "property wrapper init from projected value"]],
  ["F", ["EntityOf", "property wrapped field init accessor"]],
]);

/** "f…": initialisers, deinitialisers, closures, default arguments and other compiler-made entities. */
export function functionEntity(s: State): SwiftNode {
  const c = next(s);
  // Swift 4.0 spelled a variable's accessors "f" ACCESSOR ("…4utf8ACfau"); "v" came with 4.2.
  if (s.oldMangling && "aglsmwWGrMp".includes(c)) {
    s.pos--;
    return variable(s);
  }
  const simple = WITHOUT_OPERANDS.get(c);
  if (simple) return mk(simple[0], [popContext(s)], simple[1]);
  switch (c) {
    case "D": {
      const context = popContext(s);
      return mk("Deinit", [context], context.kind === "Class" ? "__deallocating_deinit" : "deinit");
    }
    case "C":
    case "c": {
      popIf(s, "PrivateName");
      const t = popType(s);
      const labels = popLabels(s, t);
      const context = popContext(s);
      const name = c === "C" && context.kind === "Class" ? "__allocating_init" : "init";
      return mk("Init", [context, t, ...(labels ? [labels] : [])], name);
    }
    case "U":
    case "u": {
      const i = index(s);
      popIf(s, "Type");
      return mk("Closure", [popContext(s)], c === "U" ? "closure" : "implicit closure", i);
    }
    case "A": {
      const i = index(s);
      return mk("DefaultArgument", [popContext(s)], "", i);
    }
    default:
      fail();
  }
}

/** entity 'Z' */
export function staticEntity(s: State): SwiftNode {
  return mk("Static", [popEntity(s)]);
}
