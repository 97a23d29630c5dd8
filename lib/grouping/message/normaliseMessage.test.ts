import { describe, expect, it } from "vitest";
import { normaliseMessage, normaliseType } from "@/lib/grouping/message/normaliseMessage";

describe("normaliseMessage (JavaScript engines)", () => {
  it.each([
    ["Cannot read properties of undefined (reading 'total')", "can't access property \"total\", cart is undefined", "undefined is not an object (evaluating 'cart.total')"],
    ["Cannot read property 'total' of undefined", "Cannot read properties of undefined (reading 'total')", "undefined is not an object (evaluating 'this.props.cart.total')"],
    ["Cannot read properties of null (reading 'addEventListener')", "can't access property \"addEventListener\", el is null", "null is not an object (evaluating 'el.addEventListener')"],
    ["e.coupons.map is not a function", "t.coupons.map is not a function", "e.coupons.map is not a function. (In 'e.coupons.map(f)', 'e.coupons.map' is undefined)"],
    ["gtag is not defined", "gtag is not defined", "Can't find variable: gtag"],
    ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"],
    ["Maximum call stack size exceeded", "too much recursion", "Maximum call stack size exceeded."],
    [`Unexpected token '<', "<!DOCTYPE "... is not valid JSON`, "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "JSON Parse error: Unrecognized token '<'"],
    ["Assignment to constant variable.", "invalid assignment to const 'x'", "Attempted to assign to readonly property."],
  ])("%s ≡ %s ≡ %s", (chrome, firefox, safari) => {
    const canonical = normaliseMessage("TypeError", chrome, "javascript");
    expect(normaliseMessage("TypeError", firefox, "javascript")).toBe(canonical);
    expect(normaliseMessage("TypeError", safari, "javascript")).toBe(canonical);
  });

  it("keeps different properties and different errors apart", () => {
    const msg = (m: string) => normaliseMessage("TypeError", m, "javascript");
    expect(msg("Cannot read properties of undefined (reading 'total')")).not.toBe(msg("Cannot read properties of undefined (reading 'items')"));
    expect(msg("Cannot read properties of undefined (reading 'total')")).not.toBe(msg("Cannot read properties of null (reading 'total')"));
    expect(msg("x.map is not a function")).not.toBe(msg("x.filter is not a function"));
  });
});

describe("normaliseMessage (other runtimes)", () => {
  it("drops JDK 14+ helpful NullPointerException detail", () => {
    expect(normaliseMessage("java.lang.NullPointerException", 'Cannot invoke "String.length()" because "<local1>" is null', "java")).toBe("");
  });
  it("drops Go's recovered/re-panicked markers and signal details", () => {
    const plain = normaliseMessage("panic", "runtime error: index out of range [3] with length 3", "go");
    expect(normaliseMessage("panic", "runtime error: index out of range [5] with length 5 [recovered]", "go")).toBe(plain);
    expect(normaliseMessage("panic", "runtime error: index out of range [3] with length 3 [recovered, repanicked]", "go")).toBe(plain);
  });
});

describe("normaliseType", () => {
  it("compares simple names (SDKs send the module apart), keeps Go and Ruby names whole", () => {
    expect(normaliseType("java.lang.IllegalStateException", "", "java")).toBe("IllegalStateException");
    expect(normaliseType("requests.exceptions.ReadTimeout", "", "python")).toBe("ReadTimeout");
    expect(normaliseType("*fs.PathError", "", "go")).toBe("*fs.PathError");
    expect(normaliseType("ActiveRecord::RecordNotFound", "", "ruby")).toBe("ActiveRecord::RecordNotFound");
    expect(normaliseType("InternalError", "too much recursion", "javascript")).toBe("RangeError");
  });
});
