import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** The route context of handlers under /api/v1/workspaces/:workspaceId. */
export type WorkspaceRouteContext = { params: Promise<{ workspaceId: string }> };

/** Their path parameters, validated (422 naming `workspaceId` when it is not a UUID). */
export const WorkspaceParamsSchema = z.object({ workspaceId: IdSchema });
