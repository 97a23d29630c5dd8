import type { AuthContext } from "@/lib/auth/AuthContext";
import { findWorkspaceProjects } from "@/lib/projects/findWorkspaceProjects";
import { ProguardMappingError } from "@/lib/proguard/proguardMapping";
import { MAX_PROGUARD_BYTES, type AssembleDifsInput } from "@/lib/proguard/proguardSchemas";
import { storeProguardMapping } from "@/lib/proguard/storeProguardMapping";
import type { AssembleState } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { gatherChunks } from "@/lib/sourcemaps/bundles/gatherChunks";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/** What sentry-cli reads back for one file; `dif` describes a stored one. */
interface DifState {
  state: AssembleState;
  missingChunks: string[];
  detail: string | null;
  dif?: Record<string, unknown>;
}

/** sentry-cli's name for a mapping it uploads: "/proguard/<uuid>.txt" (or "proguard/<uuid>.txt"). */
const PROGUARD_NAME = /(?:^|\/)proguard\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\.txt$/;

/**
 * POST /api/0/projects/:org/:project/files/difs/assemble/ — the last step of sentry-cli's
 * `upload-proguard` (and of Sentry's Android Gradle plugin, which runs it), per file: `not_found`
 * with the chunks to send, then the file put together and stored as the project's mapping under the
 * UUID its name carries (or the one derived from its bytes): `ok`. Faultline reads ProGuard / R8
 * mappings only: any other debug file (dSYM, ELF, PDB, …) is `error`, saying so.
 */
export async function assembleDifs(auth: AuthContext, org: string, projectRef: string, input: AssembleDifsInput): Promise<Record<string, DifState>> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  const [project] = await findWorkspaceProjects(workspace.id, [projectRef]);
  const out: Record<string, DifState> = {};
  for (const [checksum, file] of Object.entries(input)) {
    const gathered = await gatherChunks(workspace.id, file.chunks, checksum, MAX_PROGUARD_BYTES);
    if ("missing" in gathered) out[checksum] = { state: "not_found", missingChunks: gathered.missing, detail: null };
    else if ("error" in gathered) out[checksum] = failed(gathered.error);
    else out[checksum] = await stored(project.id, checksum, file.name, gathered.content);
  }
  return out;
}

async function stored(projectId: string, checksum: string, name: string, content: Buffer): Promise<DifState> {
  const named = PROGUARD_NAME.exec(name)?.[1]?.toLowerCase();
  try {
    const mapping = await storeProguardMapping([projectId], content, named);
    return {
      state: "ok",
      missingChunks: [],
      detail: null,
      dif: {
        id: mapping.uuid,
        uuid: mapping.uuid,
        debugId: mapping.uuid,
        objectName: "proguard-mapping",
        cpuName: "any",
        symbolType: "proguard",
        headers: {},
        data: { features: ["mapping"] },
        sha1: checksum,
        size: mapping.size,
        dateCreated: mapping.createdAt,
      },
    };
  } catch (error) {
    if (!(error instanceof ProguardMappingError)) throw error;
    return failed(named ? `${name} is not a ProGuard mapping: ${error.message}` : `${name}: Faultline reads ProGuard / R8 mappings only (native debug files are not symbolicated)`);
  }
}

function failed(detail: string): DifState {
  return { state: "error", missingChunks: [], detail };
}
