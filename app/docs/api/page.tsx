import type { Metadata } from "next";
import { ApiReference } from "@/components/apiDocs/ApiReference";
import { getOpenApiDocument } from "@/lib/openapi/getOpenApiDocument";

export const metadata: Metadata = { title: "API reference · Faultline" };

/** /docs/api — the OpenAPI document rendered as a readable page (no external assets). */
export default function ApiDocsPage() {
  return <ApiReference document={getOpenApiDocument()} />;
}
