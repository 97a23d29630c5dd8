/** The sign-in page's own field and button looks (its card is larger than the dashboard's forms). */
export const signInField = "mt-1 w-full rounded-md border border-gray-300 bg-white px-3 py-2 dark:border-gray-700 dark:bg-gray-800";
export const signInButton = "w-full rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-60";
