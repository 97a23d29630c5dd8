/** True when the request asks for a response computed now (`Cache-Control: no-cache` or `Pragma: no-cache`). */
export function wantsFresh(req: Request): boolean {
  const cacheControl = req.headers.get("cache-control") ?? "";
  return /(^|,)\s*no-cache\s*(,|$)/i.test(cacheControl) || /(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(cacheControl) || req.headers.get("pragma")?.toLowerCase() === "no-cache";
}
