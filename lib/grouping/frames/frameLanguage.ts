import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

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
};

export function languageOfPlatform(platform: string | null | undefined): Language {
  const key = (platform ?? "").trim().toLowerCase();
  return Object.hasOwn(PLATFORMS, key) ? PLATFORMS[key] : "unknown";
}

const BY_EXTENSION: [RegExp, Language][] = [
  [/\.(?:[cm]?[jt]sx?|vue|svelte)$/i, "javascript"],
  [/\.py[cw]?$/i, "python"],
  [/\.(?:java|kt|kts|scala|groovy|clj)$/i, "java"],
  [/\.go$/i, "go"],
  [/\.(?:rb|erb|rake)$/i, "ruby"],
  [/\.(?:cs|fs|vb)$/i, "dotnet"],
  [/\.(?:php|phtml)$/i, "php"],
];

/** The event's language, or (when unknown) what the frame's file extension says. */
export function languageOfFrame(frame: Frame, eventLanguage: Language): Language {
  if (eventLanguage !== "unknown") return eventLanguage;
  const path = (frame.filename ?? frame.absPath ?? "").replace(/[?#].*$/, "");
  for (const [pattern, language] of BY_EXTENSION) if (pattern.test(path)) return language;
  if (path.startsWith("http") || path.startsWith("app://") || path.startsWith("webpack")) return "javascript";
  return "unknown";
}
