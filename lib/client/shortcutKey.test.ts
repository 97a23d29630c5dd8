import { describe, expect, it } from "vitest";
import { shortcutKey, type KeyPress } from "@/lib/client/shortcutKey";

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: null, ...over });
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe("shortcutKey", () => {
  it("reads single lowercase keys, ? and /", () => {
    expect(shortcutKey(press("r"))).toBe("r");
    expect(shortcutKey(press("?"))).toBe("?");
    expect(shortcutKey(press("/"))).toBe("/");
  });

  it("leaves the browser's and the system's combinations, capitals, named keys and handled presses alone", () => {
    expect(shortcutKey(press("r", { ctrlKey: true }))).toBeNull();
    expect(shortcutKey(press("r", { metaKey: true }))).toBeNull();
    expect(shortcutKey(press("r", { altKey: true }))).toBeNull();
    expect(shortcutKey(press("R"))).toBeNull();
    expect(shortcutKey(press("Enter"))).toBeNull();
    expect(shortcutKey(press("r", { defaultPrevented: true }))).toBeNull();
  });

  it("is silent while typing in a field, not on a checkbox or button", () => {
    expect(shortcutKey(press("r", { target: el("INPUT") }))).toBeNull();
    expect(shortcutKey(press("r", { target: el("input", { type: "search" }) }))).toBeNull();
    expect(shortcutKey(press("r", { target: el("TEXTAREA") }))).toBeNull();
    expect(shortcutKey(press("r", { target: el("SELECT") }))).toBeNull();
    expect(shortcutKey(press("r", { target: el("DIV", { isContentEditable: true }) }))).toBeNull();
    expect(shortcutKey(press("r", { target: el("INPUT", { type: "checkbox" }) }))).toBe("r");
    expect(shortcutKey(press("r", { target: el("BUTTON") }))).toBe("r");
  });
});
