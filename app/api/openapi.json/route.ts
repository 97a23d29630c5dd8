import { handle } from "@/lib/http/handle";
import { getOpenApiDocument } from "@/lib/openapi/getOpenApiDocument";

/** GET /api/openapi.json — the OpenAPI 3.1 document of every route, generated from the zod schemas. */
export const GET = handle(async () => Response.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
