import { boundStandard, optionalOf, standardType } from "@/lib/ingest/swift/standardTypes";
import {
  addSubstitution,
  fail,
  index,
  isDigit,
  natural,
  next,
  nextIf,
  peek,
  popContext,
  popDeclName,
  popEntity,
  popIf,
  popKind,
  popModule,
  popProtocol,
  popType,
  push,
  skipOne,
  type State,
} from "@/lib/ingest/swift/state";
import { mk, NOMINALS, type Kind, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

const MAX_REPEAT = 64;

const type = (inner: SwiftNode) => mk("Type", [inner]);

/** context decl-name [CVOPa]: a class, struct, enum, protocol or type alias; it can be referred back to. */
export function nominal(s: State, kind: Kind): SwiftNode {
  const name = popDeclName(s);
  const node = type(mk(kind, [popContext(s), name]));
  addSubstitution(s, node);
  return node;
}

/** entity module generic-signature? 'E': the extension, in `module`, of the type below. */
export function extension(s: State): SwiftNode {
  popIf(s, "GenericSignature");
  const extensionModule = popModule(s) ?? fail();
  const extended = popType(s).children[0];
  if (!NOMINALS.has(extended.kind)) fail();
  return mk("Extension", [extensionModule, extended]);
}

/** "S…": a standard type, "So" the Objective-C / C module, "SC" Clang's synthesized one, "Sg" an optional. */
export function standard(s: State): SwiftNode {
  if (nextIf(s, "o")) return mk("Module", [], "__C");
  if (nextIf(s, "C")) return mk("Module", [], "__C_Synthesized");
  if (nextIf(s, "g")) {
    const node = optionalOf(popType(s));
    addSubstitution(s, node);
    return node;
  }
  const repeat = isDigit(peek(s)) ? natural(s) : 1;
  if (repeat > MAX_REPEAT) fail();
  const c = next(s);
  const node = (c === "c" ? standardType(next(s), true) : standardType(c, false)) ?? fail();
  for (let i = 1; i < repeat; i++) push(s, node);
  return node;
}

/** Generic arguments ("y" types ("_" types)* "G"): one list per nesting level, innermost first. */
function popGenericArgumentLists(s: State): SwiftNode[] {
  const lists: SwiftNode[] = [];
  for (;;) {
    const args: SwiftNode[] = [];
    for (let t = popIf(s, "Type"); t; t = popIf(s, "Type")) args.push(t);
    lists.push(mk("TypeList", args.reverse()));
    if (popIf(s, "EmptyList")) return lists;
    if (!popIf(s, "FirstElement")) fail();
  }
}

export function boundGeneric(s: State): SwiftNode {
  const lists = popGenericArgumentLists(s);
  const base = popType(s).children[0];
  if (!NOMINALS.has(base.kind)) fail();
  const node = type(mk("BoundGeneric", [base, ...lists]));
  addSubstitution(s, node);
  return node;
}

/** type-list 't': elements separated after the first by "_", each with an optional label and "d" (variadic). */
export function tuple(s: State): SwiftNode {
  const elements: SwiftNode[] = [];
  if (!popIf(s, "EmptyList")) {
    for (let first = false; !first; ) {
      first = popIf(s, "FirstElement") !== undefined;
      const variadic = popIf(s, "Variadic") !== undefined;
      const label = popIf(s, "Identifier");
      elements.push(mk("TupleElement", [popType(s)], label?.text ?? "", variadic ? 1 : 0));
    }
    elements.reverse();
  }
  return type(mk("Tuple", elements));
}

/** A parameter or result list: "y" for none, else one type (a tuple for several parameters). */
function popParameters(s: State): SwiftNode {
  return popIf(s, "EmptyList") ? type(mk("Tuple")) : popType(s);
}

/**
 * function-signature ::= result-type params-type async? sendable? throws? …: the effects are on top
 * of the stack, then the parameters, then the result.
 */
export function popFunctionType(s: State, convention: string): SwiftNode {
  const effects: string[] = [];
  for (let a = popIf(s, "Annotation"); a; a = popIf(s, "Annotation")) effects.unshift(a.text);
  const parameters = popParameters(s);
  const result = popParameters(s);
  return mk("FunctionType", [parameters, result], [convention, ...effects].filter(Boolean).join(" "));
}

export function functionType(s: State, convention: string): SwiftNode {
  return type(popFunctionType(s, convention));
}

export function modified(s: State, how: string): SwiftNode {
  return type(mk("Modified", [popType(s)], how));
}

/** "Y…": effects of a function type and parameter attributes. */
export function effect(s: State): SwiftNode {
  const c = next(s);
  switch (c) {
    case "a":
      return mk("Annotation", [], "async");
    case "b":
      return mk("Annotation", [], "@Sendable");
    case "c":
      popType(s);
      return mk("Annotation", [], "@globalActor");
    case "K":
      popType(s);
      return mk("Annotation", [], "throws");
    case "A":
      return mk("Annotation", [], "@isolated(any)");
    case "C":
      return mk("Annotation", [], "nonisolated(nonsending)");
    case "T":
      return mk("Annotation", [], "sending");
    case "j":
      if (!skipOne(s, "frdl")) fail();
      return mk("Annotation", [], "@differentiable");
    case "i":
      return modified(s, "isolated");
    case "k":
      return modified(s, "@noDerivative");
    case "t":
      return modified(s, "_const");
    case "u":
      return modified(s, "sending");
    default:
      fail();
  }
}

const FUNCTION_CONVENTIONS = new Map([
  ["f", "@convention(thin)"],
  ["U", ""],
  ["K", "@autoclosure"],
  ["A", "@autoclosure"],
  ["B", "@convention(block)"],
  ["L", "@convention(block)"],
  ["C", "@convention(c)"],
  ["E", ""],
  ["O", ""],
]);

/** "X…": special function types, reference ownership, metatypes, sugar, composed existentials. */
export function special(s: State): SwiftNode {
  const c = next(s);
  const convention = FUNCTION_CONVENTIONS.get(c);
  if (convention !== undefined) return functionType(s, convention);
  switch (c) {
    case "z": {
      // A function type with its C type: "zB" / "zC", then the C type's Itanium mangling, length-prefixed.
      const kind = next(s);
      if (kind !== "B" && kind !== "C") fail();
      const length = natural(s);
      if (s.pos + length > s.text.length) fail();
      s.pos += length;
      return functionType(s, kind === "B" ? "@convention(block)" : "@convention(c)");
    }
    case "o":
      return modified(s, "unowned");
    case "u":
      return modified(s, "unowned(unsafe)");
    case "w":
      return modified(s, "weak");
    case "D":
      popType(s);
      return type(mk("DynamicSelf"));
    case "p":
      return type(mk("Metatype", [popType(s)]));
    case "m":
    case "M":
      if (!skipOne(s, "tTo")) fail();
      return type(mk("Metatype", [popType(s)]));
    case "e":
      return type(mk("ErrorType"));
    case "l":
      return type(mk("Existential", popProtocolList(s), "AnyObject"));
    case "c": {
      const superclass = popType(s);
      return type(mk("Existential", [superclass, ...popProtocolList(s)]));
    }
    case "Y":
      return nominal(s, "Nominal");
    case "S":
      return sugar(s);
    default:
      fail();
  }
}

/** "XSq" T?, "XSa" [T], "XSD" [K : V] (debug-info sugar). */
function sugar(s: State): SwiftNode {
  const c = next(s);
  if (c === "q") return optionalOf(popType(s));
  if (c === "a") return boundStandard("a", [popType(s)]);
  if (c !== "D") fail();
  const value = popType(s);
  return boundStandard("D", [popType(s), value]);
}

/** protocol-list ::= "y" | protocol "_" protocol* */
function popProtocolList(s: State): SwiftNode[] {
  if (popIf(s, "EmptyList")) return [];
  const protocols: SwiftNode[] = [];
  for (let first = false; !first; ) {
    first = popIf(s, "FirstElement") !== undefined;
    protocols.push(popProtocol(s));
  }
  return protocols.reverse();
}

/** protocol-list 'p': an existential ("Any" for none, "any Error" for "s5Error_p"). */
export function existential(s: State): SwiftNode {
  return type(mk("Existential", popProtocolList(s)));
}

/** GENERIC-PARAM-INDEX ::= 'z' | INDEX | 'd' INDEX INDEX | 's' */
export function genericParamIndex(s: State): SwiftNode {
  if (nextIf(s, "z")) return mk("GenericParam");
  if (nextIf(s, "s")) return mk("GenericParam", [], "Self");
  if (nextIf(s, "d")) {
    const depth = index(s) + 1;
    return mk("GenericParam", [], "", index(s), depth);
  }
  return mk("GenericParam", [], "", index(s) + 1);
}

/** assoc-type-name ::= identifier protocol? */
function popAssociatedName(s: State): string {
  const t = s.stack[s.stack.length - 1];
  if (t?.kind === "Type" && t.children[0].kind === "Protocol") s.stack.pop();
  return (popIf(s, "Identifier") ?? fail()).text;
}

/** assoc-type-list ::= assoc-type-name "_" assoc-type-name* */
function popAssociatedPath(s: State): string {
  const names: string[] = [];
  for (let first = false; !first; ) {
    first = popIf(s, "FirstElement") !== undefined;
    names.push(popAssociatedName(s));
  }
  return names.reverse().join(".");
}

function dependentMember(s: State, base: SwiftNode, name: string): SwiftNode {
  const node = type(mk("DependentMember", [base], name));
  addSubstitution(s, node);
  return node;
}

/** "Q…": opaque result types and associated types of generic parameters. */
export function archetype(s: State): SwiftNode {
  const c = next(s);
  switch (c) {
    case "r":
    case "u":
      return type(mk("Opaque"));
    case "R":
    case "U":
      index(s);
      return type(mk("Opaque"));
    case "O":
      return mk("OpaqueDecl", [popEntity(s)]);
    case "o": {
      index(s);
      popGenericArgumentLists(s);
      popKind(s, "OpaqueDecl");
      const node = type(mk("Opaque"));
      addSubstitution(s, node);
      return node;
    }
    case "z":
      return dependentMember(s, type(mk("GenericParam")), popAssociatedName(s));
    case "y": {
      const base = type(genericParamIndex(s));
      return dependentMember(s, base, popAssociatedName(s));
    }
    case "Z":
      return dependentMember(s, type(mk("GenericParam")), popAssociatedPath(s));
    case "Y": {
      const base = type(genericParamIndex(s));
      return dependentMember(s, base, popAssociatedPath(s));
    }
    case "a": {
      const name = (popIf(s, "Identifier") ?? fail()).text;
      return dependentMember(s, popType(s), name);
    }
    case "x": {
      const name = popAssociatedName(s);
      return dependentMember(s, popType(s), name);
    }
    case "X": {
      const path = popAssociatedPath(s);
      return dependentMember(s, popType(s), path);
    }
    default:
      fail();
  }
}

type Subject = "param" | "assoc" | "path" | "substitution";
type Constraint = "protocol" | "type" | "layout" | "inverse" | "marker" | "value";

const REQUIREMENTS = new Map<string, readonly [Subject, Constraint]>([
  ["V", ["param", "value"]],
  ["v", ["param", "marker"]],
  ["h", ["param", "type"]],
  ["c", ["assoc", "type"]],
  ["C", ["path", "type"]],
  ["b", ["param", "type"]],
  ["B", ["substitution", "type"]],
  ["t", ["assoc", "type"]],
  ["T", ["path", "type"]],
  ["s", ["param", "type"]],
  ["S", ["substitution", "type"]],
  ["m", ["assoc", "layout"]],
  ["M", ["path", "layout"]],
  ["l", ["param", "layout"]],
  ["L", ["substitution", "layout"]],
  ["p", ["assoc", "protocol"]],
  ["P", ["path", "protocol"]],
  ["Q", ["substitution", "protocol"]],
  ["i", ["param", "inverse"]],
  ["I", ["substitution", "inverse"]],
  ["j", ["assoc", "inverse"]],
  ["J", ["path", "inverse"]],
]);

/**
 * "R…": one requirement of a generic signature ("T: Equatable", "T.Element == Int"…). Only read to
 * take its operands off the stack: the names shown leave generic signatures out.
 */
export function requirement(s: State): SwiftNode {
  const known = REQUIREMENTS.get(peek(s));
  if (known) s.pos++;
  const [subject, constraint] = known ?? (["param", "protocol"] as const);
  if (constraint === "inverse") index(s);
  if (subject === "substitution") popType(s);
  else {
    const param = type(genericParamIndex(s));
    if (subject === "assoc") dependentMember(s, param, popAssociatedName(s));
    if (subject === "path") dependentMember(s, param, popAssociatedPath(s));
  }
  if (constraint === "protocol") popProtocol(s);
  else if (constraint === "type" || constraint === "value") popType(s);
  else if (constraint === "layout") layout(s);
  return mk("Requirement");
}

function layout(s: State): void {
  const c = next(s);
  if (c === "E" || c === "M") {
    index(s);
    index(s);
  } else if (c === "e" || c === "m") {
    index(s);
  } else if (!"NRTCDUBS".includes(c)) {
    fail();
  }
}

/** 'l' (one generic parameter) or 'r' GENERIC-PARAM-COUNT* 'l', after the requirements. */
export function genericSignature(s: State, withCounts: boolean): SwiftNode {
  if (withCounts) {
    while (!nextIf(s, "l")) if (!nextIf(s, "z")) index(s);
  }
  while (popIf(s, "Requirement")) {
    // dropped: the names shown leave generic signatures out
  }
  return mk("GenericSignature");
}

/** type generic-signature 'u' */
export function dependentGenericType(s: State): SwiftNode {
  popKind(s, "GenericSignature");
  return type(mk("DependentGeneric", [popType(s)]));
}

const PARAM_CONVENTIONS = "iclbnXxygevpm";
const RESULT_CONVENTIONS = "rodualgmk";

/**
 * impl-function-type ::= type* generic-signature? 'I' FUNC-ATTRIBUTES '_': a function type as SIL
 * sees it (thunks are between two of these). The conventions after the callee's say how many
 * parameter, result, yield and error types are on the stack.
 */
export function implFunctionType(s: State): SwiftNode {
  popIf(s, "GenericSignature");
  if (peek(s) === "s" || peek(s) === "I") fail(); // pattern / invocation substitutions: not read
  nextIf(s, "P");
  nextIf(s, "e");
  if (!nextIf(s, "A")) nextIf(s, "N");
  nextIf(s, "O");
  skipOne(s, "dlfr");
  if (!skipOne(s, "ygxt")) fail();
  if (nextIf(s, "z")) {
    if (!skipOne(s, "BC")) fail();
    const length = natural(s);
    if (s.pos + length > s.text.length) fail();
    s.pos += length;
  } else {
    skipOne(s, "BCMJKVWO");
  }
  skipOne(s, "AIG");
  nextIf(s, "h");
  nextIf(s, "H");
  nextIf(s, "T");
  let types = 0;
  while (skipOne(s, PARAM_CONVENTIONS)) {
    nextIf(s, "w");
    nextIf(s, "T");
    types++;
  }
  while (skipOne(s, RESULT_CONVENTIONS)) {
    nextIf(s, "w");
    types++;
  }
  while (nextIf(s, "Y")) {
    if (!skipOne(s, PARAM_CONVENTIONS)) fail();
    types++;
  }
  if (nextIf(s, "z")) {
    if (!skipOne(s, RESULT_CONVENTIONS)) fail();
    nextIf(s, "w");
    types++;
  }
  if (!nextIf(s, "_")) fail();
  for (let i = 0; i < types; i++) popType(s);
  return type(mk("ImplFunctionType"));
}

/** "B…": builtin types. */
const BUILTINS = new Map([
  ["b", "Builtin.BridgeObject"],
  ["B", "Builtin.UnsafeValueBuffer"],
  ["c", "Builtin.RawUnsafeContinuation"],
  ["D", "Builtin.DefaultActorStorage"],
  ["d", "Builtin.NonDefaultDistributedActorStorage"],
  ["e", "Builtin.Executor"],
  ["I", "Builtin.IntLiteral"],
  ["j", "Builtin.Job"],
  ["P", "Builtin.PackIndex"],
  ["O", "Builtin.UnknownObject"],
  ["o", "Builtin.NativeObject"],
  ["p", "Builtin.RawPointer"],
  ["t", "Builtin.SILToken"],
  ["w", "Builtin.Word"],
  ["A", "Builtin.ImplicitActor"],
]);

export function builtin(s: State): SwiftNode {
  const c = next(s);
  const simple = BUILTINS.get(c);
  if (simple) return type(mk("Builtin", [], simple));
  if (c === "f" || c === "i" || c === "v") {
    const bits = natural(s);
    if (!nextIf(s, "_")) fail();
    if (c === "v") popType(s);
    return type(mk("Builtin", [], c === "f" ? `Builtin.FPIEEE${bits}` : c === "i" ? `Builtin.Int${bits}` : `Builtin.Vec${bits}`));
  }
  if (c === "V") {
    popType(s);
    popType(s);
    return type(mk("Builtin", [], "Builtin.FixedArray"));
  }
  fail();
}
