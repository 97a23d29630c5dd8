import { describe, expect, it } from "vitest";
import { dartHeader } from "@/lib/grouping/chain/dartHeader";
import { groupEvent } from "@/lib/grouping/groupEvent";

const lines = (text: string) => text.split("\n");

describe("dartHeader", () => {
  it("Flutter's engine: the error's class from its wording", () => {
    expect(dartHeader(lines("[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: Bad state: Stream has already been listened to."))).toEqual({ type: "StateError", message: "Stream has already been listened to." });
    expect(dartHeader(lines("[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: Null check operator used on a null value"))).toEqual({ type: "TypeError", message: "Null check operator used on a null value" });
    expect(dartHeader(lines("[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: Instance of 'CartEmpty'"))).toEqual({ type: "CartEmpty", message: "" });
    expect(dartHeader(lines("[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: SocketException: Connection refused"))).toEqual({ type: "SocketException", message: "Connection refused" });
  });

  it("the VM's 'Unhandled exception:' with the error below", () => {
    expect(dartHeader(lines("Unhandled exception:\nRangeError (index): Invalid value: Not in inclusive range 0..2: 5\n#0      List.[] (dart:core-patch/growable_array.dart:264:36)"))).toEqual({ type: "RangeError", message: "Invalid value: Not in inclusive range 0..2: 5" });
  });

  it("Flutter's framework report names the class", () => {
    const text = "══╡ EXCEPTION CAUGHT BY RENDERING LIBRARY ╞══\nThe following _TypeError was thrown during layout:\nNull check operator used on a null value\n\nWhen the exception was thrown, this was the stack:";
    expect(dartHeader(lines(text))).toEqual({ type: "_TypeError", message: "Null check operator used on a null value" });
  });

  it("titles and keys the event (it was 'Error')", () => {
    const frames = "#0      CartStore.checkout (package:shop/cart/cart_store.dart:77:9)\n<asynchronous suspension>\n#1      CheckoutPage._submit (package:shop/ui/checkout_page.dart:40:5)";
    const a = groupEvent({ type: "Error", message: "", stackTrace: `[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: Bad state: No element\n${frames}` });
    const b = groupEvent({ type: "Error", message: "", stackTrace: `[ERROR:flutter/runtime/dart_vm_initializer.cc(40)] Unhandled Exception: Null check operator used on a null value\n${frames}` });
    expect(a).toMatchObject({ type: "StateError", message: "No element" });
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
