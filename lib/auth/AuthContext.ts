import type { Role } from "@/lib/generated/prisma/enums";

/** Who is calling: a signed-in user (with workspace roles) or an ingest key (one project). */
export type AuthContext =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      /** The workspaces this user may open, with their role (lib/auth/workspaceAccess.ts). */
      memberships: { workspaceId: string; role: Role }[];
      /** Workspaces the user belongs to that require two-factor sign-in, which they have not turned on. */
      twoFactorBlocked?: string[];
      /** The session this request came with (SHA-256 of the cookie token); "sign out other sessions" keeps it. */
      sessionId?: string;
      /** The API token this request came with, when it came with one instead of a session. */
      apiTokenId?: string;
      /** The instance operator (`User.operator`): sees instance-wide figures no workspace role shows. */
      operator?: boolean;
    }
  | { kind: "ingestKey"; keyId: string; projectId: string; workspaceId: string };
