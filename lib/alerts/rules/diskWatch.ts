import type { AuthContext } from "@/lib/auth/AuthContext";
import { isInstanceOperator } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";

/**
 * The disk forecast (`diskDaysLeft`) is the instance's, not the workspace's: anyone can create a
 * workspace and be its admin, so only the instance operator may set or change it. Turning it off, or
 * leaving it as it is while editing the rest of the rule, stays open to the workspace's admins.
 */
export function assertMayWatchDisk(auth: AuthContext, current: number | null, requested: number | null | undefined): void {
  if (requested === undefined || requested === null || requested === current) return;
  if (isInstanceOperator(auth)) return;
  throw new ApiError(403, "forbidden", "only the instance operator watches the instance's disk", { field: "diskDaysLeft" });
}
