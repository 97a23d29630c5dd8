"use client";

import { useEffect, useState } from "react";

/**
 * Whether a line-clamped element hides some of its text (its content is taller than its box),
 * following resizing and the text changing. Returns a callback ref for the element and the answer.
 */
export function useClamped<T extends HTMLElement>() {
  const [el, ref] = useState<T | null>(null);
  const [clamped, setClamped] = useState(false);
  useEffect(() => {
    if (!el) return;
    const update = () => setClamped(el.scrollHeight > el.clientHeight + 1);
    update();
    const resize = new ResizeObserver(update);
    resize.observe(el);
    const text = new MutationObserver(update);
    text.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      text.disconnect();
    };
  }, [el]);
  return [ref, clamped] as const;
}
