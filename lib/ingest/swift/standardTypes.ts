import { mk, type Kind, type SwiftNode } from "@/lib/ingest/swift/swiftNode";

/**
 * The standard library's types and protocols that have one-letter manglings: "Si" is Swift.Int,
 * "SS" Swift.String, "Sa" Swift.Array, "SQ" Swift.Equatable; "Sc…" the concurrency ones. Such a
 * reference is not added to the back-reference table (demangler.ts).
 */
type Known = readonly [Kind, string];

const S: Kind = "Struct";
const P: Kind = "Protocol";

const FIRST = new Map<string, Known>([
  ["A", [S, "AutoreleasingUnsafeMutablePointer"]],
  ["a", [S, "Array"]],
  ["B", [P, "BinaryFloatingPoint"]],
  ["b", [S, "Bool"]],
  ["D", [S, "Dictionary"]],
  ["d", [S, "Double"]],
  ["E", [P, "Encodable"]],
  ["e", [P, "Decodable"]],
  ["F", [P, "FloatingPoint"]],
  ["f", [S, "Float"]],
  ["G", [P, "RandomNumberGenerator"]],
  ["H", [P, "Hashable"]],
  ["h", [S, "Set"]],
  ["I", [S, "DefaultIndices"]],
  ["i", [S, "Int"]],
  ["J", [S, "Character"]],
  ["j", [P, "Numeric"]],
  ["K", [P, "BidirectionalCollection"]],
  ["k", [P, "RandomAccessCollection"]],
  ["L", [P, "Comparable"]],
  ["l", [P, "Collection"]],
  ["M", [P, "MutableCollection"]],
  ["m", [P, "RangeReplaceableCollection"]],
  ["N", [S, "ClosedRange"]],
  ["n", [S, "Range"]],
  ["O", [S, "ObjectIdentifier"]],
  ["P", [S, "UnsafePointer"]],
  ["p", [S, "UnsafeMutablePointer"]],
  ["Q", [P, "Equatable"]],
  ["q", ["Enum", "Optional"]],
  ["R", [S, "UnsafeBufferPointer"]],
  ["r", [S, "UnsafeMutableBufferPointer"]],
  ["S", [S, "String"]],
  ["s", [S, "Substring"]],
  ["T", [P, "Sequence"]],
  ["t", [P, "IteratorProtocol"]],
  ["U", [P, "UnsignedInteger"]],
  ["u", [S, "UInt"]],
  ["V", [S, "UnsafeRawPointer"]],
  ["v", [S, "UnsafeMutableRawPointer"]],
  ["W", [S, "UnsafeRawBufferPointer"]],
  ["w", [S, "UnsafeMutableRawBufferPointer"]],
  ["X", [P, "RangeExpression"]],
  ["x", [P, "Strideable"]],
  ["Y", [P, "RawRepresentable"]],
  ["y", [P, "StringProtocol"]],
  ["Z", [P, "SignedInteger"]],
  ["z", [P, "BinaryInteger"]],
]);

/** After "Sc". */
const SECOND = new Map<string, Known>([
  ["A", [P, "Actor"]],
  ["C", [S, "CheckedContinuation"]],
  ["c", [S, "UnsafeContinuation"]],
  ["E", [S, "CancellationError"]],
  ["e", [S, "UnownedSerialExecutor"]],
  ["F", [P, "Executor"]],
  ["f", [P, "SerialExecutor"]],
  ["G", [S, "TaskGroup"]],
  ["g", [S, "ThrowingTaskGroup"]],
  ["I", [P, "AsyncIteratorProtocol"]],
  ["i", [P, "AsyncSequence"]],
  ["J", [S, "UnownedJob"]],
  ["M", ["Class", "MainActor"]],
  ["P", [S, "TaskPriority"]],
  ["S", [S, "AsyncStream"]],
  ["s", [S, "AsyncThrowingStream"]],
  ["T", [S, "Task"]],
  ["t", [S, "UnsafeCurrentTask"]],
]);

export const SWIFT_MODULE = mk("Module", [], "Swift");

const cache = new Map<string, SwiftNode>();

/** The type "S<c>" (or "Sc<c>" when `second`) stands for, wrapped as a type; undefined when none. */
export function standardType(c: string, second: boolean): SwiftNode | undefined {
  const key = second ? `c${c}` : c;
  const hit = cache.get(key);
  if (hit) return hit;
  const known = (second ? SECOND : FIRST).get(c);
  if (!known) return undefined;
  const node = mk("Type", [mk(known[0], [SWIFT_MODULE, mk("Identifier", [], known[1])])]);
  cache.set(key, node);
  return node;
}

/** `wrapped?`: Swift.Optional with one generic argument ("Sg", "XSq"). */
export function optionalOf(wrapped: SwiftNode): SwiftNode {
  return boundStandard("q", [wrapped]);
}

/** A standard generic type ("a" Array, "D" Dictionary, "q" Optional) bound to `args`. */
export function boundStandard(c: "a" | "D" | "q", args: SwiftNode[]): SwiftNode {
  const nominal = mk(c === "q" ? "Enum" : "Struct", [SWIFT_MODULE, mk("Identifier", [], c === "a" ? "Array" : c === "D" ? "Dictionary" : "Optional")]);
  return mk("Type", [mk("BoundGeneric", [nominal, mk("TypeList", args)])]);
}
