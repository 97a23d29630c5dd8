import type { Role } from "@/lib/generated/prisma/enums";

/** Who is calling: a signed-in user (with workspace roles) or an ingest key (one project). */
export type AuthContext =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      memberships: { workspaceId: string; role: Role }[];
    }
  | { kind: "ingestKey"; keyId: string; projectId: string; workspaceId: string };
