export type SearchParams = Record<string, string | string[] | undefined>;

/** `path?query` rebuilt from a page's searchParams (for the post-login redirect). */
export function pathWithSearch(path: string, params: SearchParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
