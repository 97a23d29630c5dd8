import { functionEntity, plainFunction, staticEntity, subscript, variable } from "@/lib/ingest/swift/entities";
import { metadata, thunkOrSpecialization, valueWitness, witness } from "@/lib/ingest/swift/globals";
import { identifier, localName, operatorName, substitution } from "@/lib/ingest/swift/identifiers";
import { fail, newState, next, popType, push, type State } from "@/lib/ingest/swift/state";
import { mk, type SwiftNode } from "@/lib/ingest/swift/swiftNode";
import {
  archetype,
  boundGeneric,
  builtin,
  dependentGenericType,
  effect,
  existential,
  extension,
  functionType,
  genericParamIndex,
  genericSignature,
  implFunctionType,
  modified,
  nominal,
  requirement,
  special,
  standard,
  tuple,
} from "@/lib/ingest/swift/types";

export interface ParsedSymbol {
  /** The function, accessor, closure, thunk or metadata the symbol names. */
  main: SwiftNode;
  /** What the symbol is of it, outermost first: "partial apply for ", "merged ", "specialized "… */
  attributes: string[];
}

/**
 * Reads a mangled symbol (without its "$s" prefix) operator by operator: each operator is one or
 * two characters, or an identifier, and builds a node from the nodes the operators before it left
 * on the stack. Every step consumes input and the stack and back-reference table are capped, so
 * the work is linear in the symbol's length. Throws (state.ts `fail`) on anything not understood.
 */
export function parseSymbol(text: string, oldMangling: boolean): ParsedSymbol {
  const s = newState(text, oldMangling);
  while (s.pos < s.text.length) {
    const node = operator(s);
    if (node) push(s, node);
  }
  const attributes: string[] = [];
  for (let t = s.stack[s.stack.length - 1]; t?.kind === "Attribute"; t = s.stack[s.stack.length - 1]) {
    attributes.push(t.text);
    s.stack.pop();
  }
  // A specialisation leaves its arguments above the function; anything else leaves exactly one node.
  if (s.stack.length === 0 || (s.stack.length > 1 && !s.specialized)) fail();
  return { main: s.stack[0], attributes };
}

function operator(s: State): SwiftNode | undefined {
  const c = next(s);
  if (c >= "0" && c <= "9") {
    s.pos--;
    return identifier(s);
  }
  switch (c) {
    case "A":
      return substitution(s);
    case "B":
      return builtin(s);
    case "C":
      return nominal(s, "Class");
    case "E":
      return extension(s);
    case "F":
      return plainFunction(s);
    case "G":
      return boundGeneric(s);
    case "I":
      return implFunctionType(s);
    case "K":
      return mk("Annotation", [], "throws");
    case "L":
      return localName(s);
    case "M":
      return metadata(s);
    case "N":
      return mk("Prefixed", [popType(s)], "type metadata for ");
    case "O":
      return nominal(s, "Enum");
    case "P":
      return nominal(s, "Protocol");
    case "Q":
      return archetype(s);
    case "R":
      return requirement(s);
    case "S":
      return standard(s);
    case "T":
      return thunkOrSpecialization(s);
    case "V":
      return nominal(s, "Struct");
    case "W":
      return witness(s);
    case "X":
      return special(s);
    case "Y":
      return effect(s);
    case "Z":
      return staticEntity(s);
    case "a":
      return nominal(s, "TypeAlias");
    case "c":
      return functionType(s, "");
    case "d":
      return mk("Variadic");
    case "f":
      return functionEntity(s);
    case "h":
      return modified(s, "__shared");
    case "i":
      return subscript(s);
    case "l":
      return genericSignature(s, false);
    case "m":
      return mk("Type", [mk("Metatype", [popType(s)])]);
    case "n":
      return modified(s, "__owned");
    case "o":
      return operatorName(s);
    case "p":
      return existential(s);
    case "q":
      return mk("Type", [genericParamIndex(s)]);
    case "r":
      return genericSignature(s, true);
    case "s":
      return mk("Module", [], "Swift");
    case "t":
      return tuple(s);
    case "u":
      return dependentGenericType(s);
    case "v":
      return variable(s);
    case "w":
      return valueWitness(s);
    case "x":
      return mk("Type", [mk("GenericParam")]);
    case "y":
      return mk("EmptyList");
    case "z":
      return modified(s, "inout");
    case "_":
      return mk("FirstElement");
    default:
      fail();
  }
}
