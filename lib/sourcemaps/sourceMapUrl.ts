/**
 * The upload URLs that may name a frame's minified file, most specific first: the file's URL
 * without query or fragment ("https://shop.example/static/js/main.3f2a.js"), then "~" and its path
 * ("~/static/js/main.3f2a.js", the same file on any host — how Sentry's tooling names uploads), and
 * React Native's "app:///main.jsbundle" as "~/main.jsbundle". An absolute file path (Node) is
 * itself and "~" + itself.
 */
export function sourceMapUrlCandidates(fileUrl: string): string[] {
  const clean = fileUrl.replace(/[?#].*$/, "");
  const withHost = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)$/i.exec(clean);
  if (withHost) return [clean, `~${withHost[1]}`];
  if (clean.startsWith("/")) return [clean, `~${clean}`];
  return clean ? [clean] : [];
}

/**
 * An original source's path as the frame lists show it: a bundler's scheme and namespace dropped
 * ("webpack://shop/./src/cart.ts" → "src/cart.ts"), and leading "./" and "../" segments (relative
 * to the map) removed ("../src/cart.ts" → "src/cart.ts").
 */
export function cleanSourcePath(source: string): string {
  const noScheme = source.replace(/^webpack:\/\/[^/]*\//, "").replace(/^(?:webpack|vite|rollup|turbopack):\/\/\/?/, "");
  return noScheme.replace(/^(?:\.{1,2}\/)+/, "").replace(/^\/+(?=node_modules\/)/, "") || source;
}
