/**
 * Julia library code: Base and Core (their files printed relative to base/: "./essentials.jl",
 * "./compiler/typeinfer.jl"), the standard library by module ("@ Base", "@ Core.Compiler",
 * "@ Distributed", "@ Test") or by its install (`/usr/share/julia/stdlib/v1.10/…`, juliaup's and the
 * official tarballs' `share/julia/`), packages in a depot (`~/.julia/packages/HTTP/sJD5V/src/…`,
 * `artifacts/`, `compiled/`) and the runtime's C sources (`/cache/build/…/src/gf.c`). Module `Main`
 * (a script, the REPL) and packages being developed (`~/.julia/dev/…`) are the app's.
 */
export function isJuliaLibraryCode(path: string, module: string): boolean {
  const top = module.split(".")[0];
  if (top === "Main") return false;
  if (top && JULIA_LIBRARY_MODULES.has(top)) return true;
  const p = path.replace(/\\/g, "/");
  // Before 1.6 the REPL's input was printed "./REPL[3]" too.
  return (p.startsWith("./") && !/^\.\/(?:REPL|In)\[/.test(p)) || JULIA_LIBRARY_PATH.test(p);
}

const JULIA_LIBRARY_PATH =
  /(?:^|\/)share\/julia\/|(?:^|\/)\.julia\/(?:packages|artifacts|compiled|juliaup|scratchspaces)\/|(?:^|\/)packages\/[A-Za-z_][\w]{0,127}\/[A-Za-z0-9]{4,5}\/|^\/(?:cache\/build|buildworker)\/|\.(?:c|h|cpp)$/;

/** Base, Core and the standard library's top-level modules. */
const JULIA_LIBRARY_MODULES = new Set(
  (
    "Base Core Compiler ArgTools Artifacts Base64 CRC32c Dates DelimitedFiles Distributed Downloads FileWatching Future " +
    "InteractiveUtils JuliaSyntaxHighlighting LazyArtifacts LibCURL LibGit2 Libdl LinearAlgebra Logging Markdown Mmap " +
    "NetworkOptions Pkg Printf Profile REPL Random SHA Serialization SharedArrays Sockets SparseArrays Statistics StyledStrings " +
    "SuiteSparse TOML Tar Test UUIDs Unicode"
  ).split(" "),
);
