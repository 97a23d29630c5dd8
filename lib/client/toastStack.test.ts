import { describe, expect, it } from "vitest";
import { MAX_TOASTS, toastLifetime, withToast, type ToastItem } from "@/lib/client/toastStack";

const toast = (id: number, kind: ToastItem["kind"], message = `message ${id}`): ToastItem => ({ id, kind, message });

describe("toastLifetime", () => {
  it("keeps an error until it is dismissed; a success goes by itself after a few seconds", () => {
    expect(toastLifetime("error")).toBeNull();
    expect(toastLifetime("success")).toBeGreaterThanOrEqual(5_000);
  });
});

describe("withToast", () => {
  it("adds the newest last", () => {
    expect(withToast([toast(1, "success")], toast(2, "error")).map((t) => t.id)).toEqual([1, 2]);
  });

  it("moves a repeated message to the end instead of showing it twice", () => {
    const stack = [toast(1, "error", "Change not saved: offline"), toast(2, "success", "Saved")];
    expect(withToast(stack, toast(3, "error", "Change not saved: offline"))).toEqual([toast(2, "success", "Saved"), toast(3, "error", "Change not saved: offline")]);
    // The same words as a success are another toast.
    expect(withToast(stack, toast(3, "success", "Change not saved: offline"))).toHaveLength(3);
  });

  it(`keeps at most ${MAX_TOASTS}: the oldest success leaves first, an error only when every toast is one`, () => {
    const mixed = [toast(1, "error"), toast(2, "success"), toast(3, "error")];
    expect(withToast(mixed, toast(4, "success")).map((t) => t.id)).toEqual([1, 3, 4]);
    const errors = [toast(1, "error"), toast(2, "error"), toast(3, "error")];
    expect(withToast(errors, toast(4, "success")).map((t) => t.id)).toEqual([2, 3, 4]);
  });
});
