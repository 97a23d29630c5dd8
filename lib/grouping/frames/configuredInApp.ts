import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/**
 * An SDK's in_app=true that only the user's own configuration can have set — never the SDK's default
 * guess — so it wins over the library lists (which stand in for frames no one labelled, and second-guess
 * SDKs that label everything in-app: sentry-javascript, -php, -dart, -cocoa, and sentry-python's
 * project root, which is "/" in a container started without a working directory):
 *  - Python: sentry-python marks a frame in an installed package (site-packages, dist-packages)
 *    not-in-app unless `in_app_include` names its module — how an app installed with `pip install .`
 *    (a Docker image's usual layout) says which code is its own.
 *  - JVM: sentry-java writes in_app only when an `in-app-includes` (or the Spring Boot starter's
 *    application package, the Android app's package) or `in-app-excludes` entry matched: never by default.
 *  - .NET: sentry-dotnet marks every frame in-app except its default exclusions (the platform's
 *    System and Microsoft namespaces, Mono, FSharp, Newtonsoft.Json, Serilog, NLog, Giraffe, the SDK
 *    itself); one of those marked in-app was named by `InAppInclude`.
 * Only frames a client sent structured carry its judgement: a text trace's frames carry a guess.
 */
export function isConfiguredInApp(frame: Frame, language: Language): boolean {
  if (frame.inApp !== true) return false;
  switch (language) {
    case "python":
      return INSTALLED_PYTHON_PACKAGE.test((frame.absPath || frame.filename || "").replace(/\\/g, "/"));
    case "java":
      return true;
    case "dotnet":
      return DOTNET_SDK_EXCLUDED.test(frame.module ?? "");
    default:
      return false;
  }
}

const INSTALLED_PYTHON_PACKAGE = /\/(?:site|dist)-packages\//i;
/** sentry-dotnet's default InAppExclude entries (prefixes) that the library lists also hold. */
const DOTNET_SDK_EXCLUDED = /^(?:System|Microsoft|Mono|FSharp|Newtonsoft\.Json|Serilog|NLog|Giraffe|Sentry)(?:\.|$)/;
