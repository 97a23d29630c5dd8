import type { Language } from "@/lib/ingest/stacktrace/frame";

/** SDK platform names (ours and Sentry's) → language. */
const PLATFORMS: Record<string, Language> = {
  javascript: "javascript", js: "javascript", node: "javascript", nodejs: "javascript", typescript: "javascript",
  browser: "javascript", deno: "javascript", bun: "javascript", "react-native": "javascript",
  python: "python", py: "python",
  java: "java", kotlin: "java", scala: "java", android: "java", jvm: "java", groovy: "java", clojure: "java",
  go: "go", golang: "go",
  ruby: "ruby", rails: "ruby",
  dotnet: "dotnet", ".net": "dotnet", csharp: "dotnet", "c#": "dotnet", fsharp: "dotnet",
  php: "php", laravel: "php", symfony: "php",
  rust: "rust",
  elixir: "elixir", erlang: "elixir",
  dart: "dart", flutter: "dart",
  lua: "lua", luajit: "lua", openresty: "lua",
  perl: "perl", perl5: "perl",
  ocaml: "ocaml",
  haskell: "haskell", ghc: "haskell",
  julia: "julia",
  zig: "zig",
  crystal: "crystal",
  nim: "nim",
  native: "native", c: "native", cpp: "native", "c++": "native", cocoa: "native", swift: "native", objc: "native", "objective-c": "native",
};

/** The language of an SDK platform name; "unknown" for names not listed (and for prototype keys). */
export function languageOfPlatform(platform: string | null | undefined): Language {
  const key = (platform ?? "").trim().toLowerCase();
  return Object.hasOwn(PLATFORMS, key) ? PLATFORMS[key] : "unknown";
}
