import type { ScrollEdges } from "@/components/ui/useScrollEdges";

/**
 * Fades over the ends of a sideways scroller that hide content, with a chevron at the end: the sign
 * that there is more (links or tabs) to scroll to. Place inside a `relative` box around the scroller;
 * `from` is the colour behind it (gradient stops, light and dark).
 */
export function ScrollEdgeFades({ edges, from }: { edges: ScrollEdges; from: string }) {
  const fade = "pointer-events-none absolute inset-y-0 flex w-10 items-center text-gray-500 dark:text-gray-400";
  return (
    <>
      {edges.start && (
        <span aria-hidden="true" className={`${fade} left-0 justify-start bg-linear-to-r pl-0.5 ${from}`} data-testid="scroll-fade-start">
          ‹
        </span>
      )}
      {edges.end && (
        <span aria-hidden="true" className={`${fade} right-0 justify-end bg-linear-to-l pr-0.5 ${from}`} data-testid="scroll-fade-end">
          ›
        </span>
      )}
    </>
  );
}
