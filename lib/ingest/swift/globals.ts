import { fail, index, isDigit, natural, next, nextIf, peek, popConformance, popContext, popDeclName, popEntity, popIf, popProtocol, popType, skipOne, type State } from "@/lib/ingest/swift/state";
import { mk, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

const attribute = (text: string) => mk("Attribute", [], text);
const prefixed = (text: string, child: SwiftNode) => mk("Prefixed", [child], text);

/**
 * Suffixes that say what the symbol is for the whole function before them: printed before its name,
 * in the words Swift's demangler uses. The async continuation's index ("TQ0_", "TY1_") is left out:
 * it counts the function's suspension points, which move whenever an await is added above.
 */
const ATTRIBUTES = new Map([
  ["A", "partial apply for "],
  ["m", "merged "],
  ["o", "@objc "],
  ["O", "@nonobjc "],
  ["D", "dynamic "],
  ["d", "super "],
  ["E", "distributed thunk "],
  ["F", "distributed accessor for "],
  ["I", "dynamically replaceable thunk for "],
  ["X", "dynamically replaceable variable for "],
  ["x", "dynamically replaceable key for "],
  ["u", "async function pointer to "],
]);

const BACK_DEPLOYMENT = new Map([
  ["b", "back deployment thunk for "],
  ["B", "back deployment fallback for "],
  ["c", "coro function pointer to "],
  ["d", "default override of "],
  ["S", "#_hasSymbol query for "],
]);

/** "T…": thunks, partial applications, specialisations, async continuations. */
export function thunkOrSpecialization(s: State): SwiftNode {
  const c = next(s);
  const text = ATTRIBUTES.get(c);
  if (text) return attribute(text);
  switch (c) {
    case "a":
      // "Ta" is an Objective-C partial application; "Ta" SPEC-INFO a specialisation without async.
      return /^[qar0-9]/.test(peek(s)) ? specialization(s, c) : attribute("partial apply for @objc ");
    case "Q":
      index(s);
      return attribute("await resumption partial function for ");
    case "Y":
      index(s);
      return attribute("suspend resumption partial function for ");
    case "w":
      return attribute(BACK_DEPLOYMENT.get(next(s)) ?? fail());
    case "j":
      return prefixed("dispatch thunk of ", popEntity(s));
    case "q":
      return prefixed("method descriptor for ", popEntity(s));
    case "c":
      return prefixed("curry thunk of ", popEntity(s));
    case "S":
      return prefixed("protocol self-conformance witness for ", popEntity(s));
    case "V": {
      const base = popEntity(s);
      return mk("VTableThunk", [popEntity(s), base]);
    }
    case "W": {
      const requirement = popEntity(s);
      return mk("Witness", [popConformance(s), requirement]);
    }
    case "R":
    case "r":
    case "y": {
      // type type generic-signature? 'TR': the function types converted from and to (not shown).
      popIf(s, "GenericSignature");
      for (let i = c === "y" ? 3 : 2; i > 0; i--) popType(s);
      return mk("Thunk", [], c === "r" ? "reabstraction thunk" : c === "R" ? "reabstraction thunk helper" : "reabstraction thunk helper with dynamic Self");
    }
    case "K":
    case "k": {
      for (let t = popIf(s, "Type"); t; t = popIf(s, "Type")) {
        // the key path's root and value types
      }
      popIf(s, "GenericSignature");
      return prefixed(c === "K" ? "key path getter for " : "key path setter for ", popEntity(s));
    }
    case "z":
    case "Z": {
      popIf(s, "GenericSignature");
      popType(s);
      popType(s);
      if (peek(s) === "_" || isDigit(peek(s))) index(s);
      return mk("Thunk", [], "@objc completion handler block implementation");
    }
    case "g":
    case "G":
    case "B":
    case "s":
    case "i":
    case "p":
    case "P":
    case "f":
    case "t":
      return specialization(s, c);
    default:
      fail();
  }
}

/**
 * Generic ("Tg", "TG", "Ts", "Ti", "Tp"…) and function signature ("Tf") specialisations: an
 * optimised copy of the function below, shown as "specialized …" as `swift demangle --simplified`
 * does. Its arguments (the types substituted, the closures and constants propagated) stay on the
 * stack above the function (demangler.ts takes the bottom node); a "Tf" argument list this does not
 * read ends the symbol (the function is known by then).
 */
function specialization(s: State, kind: string): SwiftNode {
  let c = kind;
  if (c === "t") {
    // dropped-arg* then 'g' / 'G' / 'B'
    s.pos--;
    while (nextIf(s, "t")) if (isDigit(peek(s))) natural(s);
    c = next(s);
    if (!"gGB".includes(c)) fail();
  }
  nextIf(s, "q");
  skipOne(s, "ar");
  if (!isDigit(next(s))) fail();
  s.specialized = true;
  if (c === "f" && !functionSignatureArguments(s)) s.pos = s.text.length;
  return attribute("specialized ");
}

/** ARG-SPEC-KIND* '_' ARG-SPEC-KIND; false when an argument is not one this knows. */
function functionSignatureArguments(s: State): boolean {
  let separated = false;
  while (s.pos < s.text.length) {
    if (!separated && nextIf(s, "_")) {
      separated = true;
      continue;
    }
    if (!argumentSpecialization(s)) return false;
    if (separated) return true;
  }
  return false;
}

function argumentSpecialization(s: State): boolean {
  const c = s.text[s.pos++];
  switch (c) {
    case "n":
    case "c":
    case "E":
    case "x":
    case "i":
    case "s":
    case "r":
      return true;
    case "C":
      while (isDigit(peek(s))) s.pos++;
      return true;
    case "e":
      nextIf(s, "D");
      nextIf(s, "G");
      nextIf(s, "X");
      return true;
    case "d":
      nextIf(s, "G");
      nextIf(s, "X");
      return true;
    case "g":
    case "o":
      nextIf(s, "X");
      return true;
    case "p": {
      const constant = s.text[s.pos++];
      if (constant === "f" || constant === "g" || constant === "k") return true;
      if (constant === "i" || constant === "d") {
        nextIf(s, "n");
        while (isDigit(peek(s))) s.pos++;
        return true;
      }
      return constant === "s" && skipOne(s, "bwc");
    }
    default:
      return false;
  }
}

const METADATA = new Map([
  ["a", "type metadata accessor for "],
  ["n", "nominal type descriptor for "],
  ["f", "full type metadata for "],
  ["P", "type metadata pattern for "],
  ["L", "lazy cache variable for type metadata for "],
  ["r", "type metadata completion function for "],
  ["i", "type metadata instantiation function for "],
  ["I", "type metadata instantiation cache for "],
  ["l", "type metadata singleton initialization cache for "],
  ["m", "metaclass for "],
  ["u", "class method lookup function for "],
  ["U", "ObjC metadata update function for "],
  ["s", "ObjC resilient class stub for "],
  ["t", "full ObjC resilient class stub for "],
  ["o", "class metadata base offset for "],
  ["F", "reflection metadata field descriptor "],
  ["B", "reflection metadata builtin descriptor "],
  ["D", "demangling cache variable for type metadata for "],
  ["b", "canonical specialized generic type metadata accessor for "],
]);

/** "M…": type metadata and descriptors (their accessors are frames of crashes too). */
export function metadata(s: State): SwiftNode {
  const c = next(s);
  if (c === "p") return prefixed("protocol descriptor for ", popProtocol(s));
  if (c === "S") return prefixed("protocol self-conformance descriptor for ", popProtocol(s));
  if (c === "c") return prefixed("protocol conformance descriptor for ", popConformance(s));
  return prefixed(METADATA.get(c) ?? fail(), popType(s));
}

const OUTLINED = new Map([
  ["y", "outlined copy of "],
  ["e", "outlined consume of "],
  ["r", "outlined retain of "],
  ["s", "outlined release of "],
  ["b", "outlined init with take of "],
  ["B", "outlined init with take of "],
  ["c", "outlined init with copy of "],
  ["C", "outlined init with copy of "],
  ["d", "outlined assign with take of "],
  ["D", "outlined assign with take of "],
  ["f", "outlined assign with copy of "],
  ["F", "outlined assign with copy of "],
  ["h", "outlined destroy of "],
  ["H", "outlined destroy of "],
  ["i", "outlined store enum tag of "],
  ["j", "outlined enum project data for "],
  ["g", "outlined enum get tag of "],
]);

const CONFORMANCE_TABLES = new Map([
  ["P", "protocol witness table for "],
  ["p", "protocol witness table pattern for "],
  ["a", "protocol witness table accessor for "],
  ["I", "instantiation function for generic protocol witness table for "],
  ["G", "generic protocol witness table for "],
  ["r", "resilient protocol witness table for "],
]);

/** "W…": witness tables, outlined value operations, global initialisers, field offsets. */
export function witness(s: State): SwiftNode {
  const c = next(s);
  const table = CONFORMANCE_TABLES.get(c);
  if (table) return prefixed(table, popConformance(s));
  switch (c) {
    case "V":
      return prefixed("value witness table for ", popType(s));
    case "S":
      return prefixed("self-conformance witness table for ", popProtocol(s));
    case "l":
    case "L": {
      const conformance = popConformance(s);
      const text = c === "l" ? "lazy protocol witness table accessor for type " : "lazy protocol witness table cache variable for type ";
      return mk("LazyWitness", [popType(s), conformance], text);
    }
    case "O": {
      const text = OUTLINED.get(next(s)) ?? fail();
      const t = popType(s);
      popIf(s, "GenericSignature");
      return prefixed(text, t);
    }
    case "v": {
      const k = next(s);
      if (k !== "d" && k !== "i") fail();
      return prefixed(k === "d" ? "direct field offset for " : "indirect field offset for ", popEntity(s));
    }
    case "Z":
    case "z": {
      // context (decl-name '_')+ 'WZ': the lazy initialisation of globals and static properties.
      const names: SwiftNode[] = [];
      while (popIf(s, "FirstElement")) names.push(popDeclName(s));
      if (names.length === 0) fail();
      const text = c === "Z" ? "one-time initialization function for " : "one-time initialization token for ";
      return mk("GlobalInit", [popContext(s), ...names.reverse()], text);
    }
    default:
      fail();
  }
}

const VALUE_WITNESSES = new Map([
  ["al", "allocateBuffer"],
  ["ca", "assignWithCopy"],
  ["ta", "assignWithTake"],
  ["de", "deallocateBuffer"],
  ["xx", "destroy"],
  ["XX", "destroyBuffer"],
  ["Xx", "destroyArray"],
  ["CP", "initializeBufferWithCopyOfBuffer"],
  ["Cp", "initializeBufferWithCopy"],
  ["cp", "initializeWithCopy"],
  ["TK", "initializeBufferWithTakeOfBuffer"],
  ["Tk", "initializeBufferWithTake"],
  ["tk", "initializeWithTake"],
  ["pr", "projectBuffer"],
  ["xs", "storeExtraInhabitant"],
  ["xg", "getExtraInhabitantIndex"],
  ["Cc", "initializeArrayWithCopy"],
  ["Tt", "initializeArrayWithTakeFrontToBack"],
  ["tT", "initializeArrayWithTakeBackToFront"],
  ["ug", "getEnumTag"],
  ["up", "destructiveProjectEnumData"],
  ["ui", "destructiveInjectEnumTag"],
  ["et", "getEnumTagSinglePayload"],
  ["st", "storeEnumTagSinglePayload"],
]);

/** type 'w' VALUE-WITNESS-KIND */
export function valueWitness(s: State): SwiftNode {
  const kind = VALUE_WITNESSES.get(next(s) + next(s)) ?? fail();
  return prefixed(`${kind} value witness for `, popType(s));
}
