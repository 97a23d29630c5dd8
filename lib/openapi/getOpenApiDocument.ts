import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/openapi/buildOpenApiDocument";
import { routeRegistry } from "@/lib/openapi/routeRegistry";
import packageJson from "@/package.json";

let cached: OpenApiDocument | undefined;

/** The document of this build (built once per process: the registry is fixed at build time). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(routeRegistry, { version: packageJson.version });
  return cached;
}
