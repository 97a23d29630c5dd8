import type { AuthContext } from "@/lib/auth/AuthContext";
import { findWorkspaceProjects } from "@/lib/projects/findWorkspaceProjects";
import { storeSourceBundle } from "@/lib/jvmSources/storeSourceBundle";
import { BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";
import { storeNativeSymbols } from "@/lib/native/storeNativeSymbols";
import { isSourceBundleFile, SourceBundleError } from "@/lib/jvmSources/sourceBundle";
import { ProguardMappingError } from "@/lib/proguard/proguardMapping";
import { MAX_PROGUARD_BYTES, type AssembleDifsInput } from "@/lib/proguard/proguardSchemas";
import { storeProguardMapping } from "@/lib/proguard/storeProguardMapping";
import type { AssembleState } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { gatherChunks } from "@/lib/sourcemaps/bundles/gatherChunks";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";
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
 * `upload-proguard` and `debug-files upload --type jvm` (and of Sentry's Android Gradle plugin,
 * which runs them), per file: `not_found` with the chunks to send, then the file put together and
 * stored — a mapping under the UUID its name carries (or the one derived from its bytes), a JVM
 * source bundle under its debug ID, a Breakpad symbol file (`debug-files upload app.sym`) under the
 * debug ID its MODULE record names: `ok`. Faultline reads those three only: any other debug file
 * (dSYM, ELF, PDB, …) is `error`, saying so (dump_syms turns them into Breakpad symbols).
 */
export async function assembleDifs(auth: AuthContext, org: string, projectRef: string, input: AssembleDifsInput): Promise<Record<string, DifState>> {
  const workspace = await sentryApiWorkspace(auth, org, { triage: true });
  const [project] = await findWorkspaceProjects(workspace.id, [projectRef]);
  const out: Record<string, DifState> = {};
  for (const [checksum, file] of Object.entries(input)) {
    const gathered = await gatherChunks(workspace.id, file.chunks, checksum, MAX_PROGUARD_BYTES);
    if ("missing" in gathered) out[checksum] = { state: "not_found", missingChunks: gathered.missing, detail: null };
    else if ("error" in gathered) out[checksum] = failed(gathered.error);
    else out[checksum] = await stored(project.id, checksum, file, gathered.content);
  }
  return out;
}

async function stored(projectId: string, checksum: string, file: AssembleDifsInput[string], content: Buffer): Promise<DifState> {
  const named = PROGUARD_NAME.exec(file.name)?.[1]?.toLowerCase();
  if (!named && content.subarray(0, 7).toString("latin1") === "MODULE ") {
    try {
      const symbols = await storeNativeSymbols(projectId, content);
      return ok(checksum, { id: symbols.debugId, objectName: symbols.name, symbolType: "breakpad", features: ["symtab", "debug"], size: symbols.size, dateCreated: symbols.createdAt });
    } catch (error) {
      if (!(error instanceof BreakpadSymbolsError)) throw error;
      return failed(`${file.name}: ${error.message}`);
    }
  }
  // Not named as a mapping and shaped as a source bundle (sentry-cli debug-files upload --type jvm).
  if (!named && isSourceBundleFile(content)) {
    try {
      const bundle = await storeSourceBundle(projectId, content, file.debug_id ? normalizeDebugId(file.debug_id) : null);
      return ok(checksum, { id: bundle.debugId, objectName: file.name, symbolType: "sourcebundle", features: ["sources"], size: bundle.size, dateCreated: bundle.createdAt });
    } catch (error) {
      if (!(error instanceof SourceBundleError)) throw error;
      return failed(`${file.name}: ${error.message}`);
    }
  }
  try {
    const mapping = await storeProguardMapping([projectId], content, named);
    return ok(checksum, { id: mapping.uuid, objectName: "proguard-mapping", symbolType: "proguard", features: ["mapping"], size: mapping.size, dateCreated: mapping.createdAt });
  } catch (error) {
    if (!(error instanceof ProguardMappingError)) throw error;
    return failed(
      named
        ? `${file.name} is not a ProGuard mapping: ${error.message}`
        : `${file.name}: Faultline reads ProGuard / R8 mappings, JVM source bundles and Breakpad symbol files only (turn a dSYM, ELF or PDB into a .sym with dump_syms)`,
    );
  }
}

/** The stored file as sentry-cli prints it. */
function ok(checksum: string, dif: { id: string; objectName: string; symbolType: string; features: string[]; size: number; dateCreated: string }): DifState {
  return {
    state: "ok",
    missingChunks: [],
    detail: null,
    dif: { id: dif.id, uuid: dif.id, debugId: dif.id, objectName: dif.objectName, cpuName: "any", symbolType: dif.symbolType, headers: {}, data: { features: dif.features }, sha1: checksum, size: dif.size, dateCreated: dif.dateCreated },
  };
}

function failed(detail: string): DifState {
  return { state: "error", missingChunks: [], detail };
}
