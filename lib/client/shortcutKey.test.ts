import { describe, expect, it } from "vitest";
import { popupOpen, shortcutKey, type KeyPress } from "@/lib/client/shortcutKey";

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, target: null, ...over });
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

/** A DOM-like element with attributes and a parent; `closest` understands the `[name=value]` and `[name~=word]` selectors the guard uses. */
interface FakeElement {
  tagName: string;
  attributes: Record<string, string>;
  parent: FakeElement | null;
  closest(selectors: string): FakeElement | null;
}

function matches(element: FakeElement, selector: string): boolean {
  const m = /^\[([\w-]+)(~?)=([\w-]+)\]$/.exec(selector.trim());
  if (!m) throw new Error(`the fake does not understand ${selector}`);
  const value = element.attributes[m[1]];
  if (value === undefined) return false;
  return m[2] === "~" ? value.split(/\s+/).includes(m[3]) : value === m[3];
}

function node(tagName: string, attributes: Record<string, string> = {}, parent: FakeElement | null = null): FakeElement {
  const element: FakeElement = {
    tagName,
    attributes,
    parent,
    closest(selectors) {
      for (let e: FakeElement | null = element; e; e = e.parent) if (selectors.split(",").some((s) => matches(e!, s))) return e;
      return null;
    },
  };
  return element;
}

const target = (element: FakeElement) => element as unknown as EventTarget;

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

  it("is silent for keys pressed inside a listbox, a menu, a dialog, an open popover or a combobox: typeahead there is theirs", () => {
    const body = node("BODY");
    // The workspace switcher's open list: focus is on the list itself, or on an option in it.
    const listbox = node("DIV", { role: "listbox", "data-headlessui-state": "open" }, body);
    expect(shortcutKey(press("r", { target: target(listbox) }))).toBeNull();
    expect(shortcutKey(press("a", { target: target(node("DIV", { role: "option" }, listbox)) }))).toBeNull();
    expect(shortcutKey(press("/", { target: target(listbox) }))).toBeNull();
    // The bell's panel: a Headless UI popover panel has no role, only its open state.
    const panel = node("DIV", { id: "headlessui-popover-panel-1", "data-headlessui-state": "open", "data-open": "" }, body);
    expect(shortcutKey(press("i", { target: target(node("A", {}, node("LI", {}, panel))) }))).toBeNull();
    expect(shortcutKey(press("r", { target: target(node("BUTTON", {}, node("DIV", { role: "menu" }, body))) }))).toBeNull();
    expect(shortcutKey(press("r", { target: target(node("BUTTON", {}, node("DIV", { role: "dialog" }, body))) }))).toBeNull();
    expect(shortcutKey(press("r", { target: target(node("DIV", { role: "combobox" }, body)) }))).toBeNull();
    expect(shortcutKey(press("r", { target: target(node("DIV", { role: "grid" }, body)) }))).toBeNull();
  });

  it("still answers on the page's own content: its buttons and links, and a popup's button once the popup is closed", () => {
    const body = node("BODY");
    expect(shortcutKey(press("r", { target: target(body) }))).toBe("r");
    expect(shortcutKey(press("r", { target: target(node("BUTTON", {}, node("MAIN", {}, body))) }))).toBe("r");
    expect(shortcutKey(press("r", { target: target(node("BUTTON", { "aria-haspopup": "listbox", "data-headlessui-state": "" }, body)) }))).toBe("r");
    expect(shortcutKey(press("r", { target: target(node("A", {}, node("SECTION", { "data-headlessui-state": "selected" }, body))) }))).toBe("r");
  });
});

describe("popupOpen", () => {
  it("asks the page for an open popup of any kind", () => {
    const asked: string[] = [];
    const page = (found: boolean) => ({ querySelector: (selectors: string) => (asked.push(selectors), found ? {} : null) });
    expect(popupOpen(page(false))).toBe(false);
    expect(popupOpen(page(true))).toBe(true);
    for (const kind of ["[role=dialog]", "[role=menu]", "[role=listbox]", "[data-headlessui-state~=open]"]) expect(asked[0]).toContain(kind);
  });
});
