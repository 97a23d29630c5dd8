"use client";

import { useEffect, useState } from "react";

export interface ScrollEdges {
  /** Content hidden before the visible part (scrolled) / after it (more to scroll to). */
  start: boolean;
  end: boolean;
}

/**
 * Which sides of a sideways scroller hide content, following scrolling and resizing; on mount the
 * current item (`[aria-current="page"]`, `[aria-selected="true"]`) is scrolled into view. Returns a
 * callback ref for the scroller (so one rendered once data loads is followed too) and the edges.
 */
export function useScrollEdges<T extends HTMLElement>() {
  const [el, ref] = useState<T | null>(null);
  const [edges, setEdges] = useState<ScrollEdges>({ start: false, end: false });
  useEffect(() => {
    if (!el) return;
    const update = () => {
      const start = el.scrollLeft > 1;
      const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((prev) => (prev.start === start && prev.end === end ? prev : { start, end }));
    };
    const current = el.querySelector<HTMLElement>('[aria-current="page"], [aria-selected="true"]');
    if (current && el.scrollWidth > el.clientWidth) el.scrollTo({ left: Math.max(0, current.offsetLeft - el.clientWidth / 2 + current.offsetWidth / 2) });
    update();
    el.addEventListener("scroll", update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      resize.disconnect();
    };
  }, [el]);
  return [ref, edges] as const;
}
