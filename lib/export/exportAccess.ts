import type { AuthContext } from "@/lib/auth/AuthContext";
import { canTriage } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";

/**
 * Exports carry every event's data in bulk (user ids, request data): members and admins may export,
 * viewers may only look (seed 001 keeps exports from casual access). Ingest keys cannot export.
 */
export function assertCanExport(auth: AuthContext, workspaceId: string): void {
  if (auth.kind !== "user") throw ApiError.forbidden("exports need a signed-in member");
  if (!canTriage(auth, workspaceId)) throw ApiError.forbidden("viewers cannot export; ask a member or an admin");
}

export function exportHeaders(format: "csv" | "json", name: string): HeadersInit {
  const date = new Date().toISOString().slice(0, 10);
  return {
    "content-type": format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
    "content-disposition": `attachment; filename="${name}-${date}.${format}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
