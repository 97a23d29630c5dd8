"use client";

/** Where "Skip to content" leads: the element with this id, else the page's `<main>`. */
export const MAIN_CONTENT_ID = "main-content";

/**
 * The first thing Tab reaches on a page with the app's header: hidden until focused, it moves focus
 * past the header's dozen stops to the page's content.
 */
export function SkipLink() {
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(e) => {
        const target = document.getElementById(MAIN_CONTENT_ID) ?? document.querySelector("main");
        if (!target) return;
        e.preventDefault();
        // Focusable by script only, so focus (and the next Tab) starts there.
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "start" });
      }}
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-blue-700 focus:shadow-lg focus:ring-2 focus:ring-blue-500 dark:focus:bg-gray-900 dark:focus:text-blue-400"
    >
      Skip to content
    </a>
  );
}
