const BASE =
  "inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500 disabled:cursor-not-allowed disabled:opacity-60";

/** Button looks shared by every screen (class strings, so Tailwind sees them). */
export const button = {
  primary: `${BASE} bg-blue-600 text-white hover:bg-blue-700`,
  success: `${BASE} bg-green-700 text-white hover:bg-green-800`,
  danger: `${BASE} bg-red-600 text-white hover:bg-red-700`,
  secondary: `${BASE} bg-white text-gray-700 ring-1 ring-gray-300 hover:bg-gray-50 dark:bg-gray-800 dark:text-gray-200 dark:ring-gray-700 dark:hover:bg-gray-700`,
  ghost: `${BASE} text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800`,
};

/** Text inputs and selects; width is left to the caller. */
export const input =
  "rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm text-gray-900 placeholder:text-gray-400 focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500 dark:border-gray-700 dark:bg-gray-800 dark:text-gray-100";
