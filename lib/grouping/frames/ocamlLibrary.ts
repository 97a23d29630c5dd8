/**
 * OCaml library code: the standard library (Stdlib, Stdlib__Map, CamlinternalFormat; the "unix", "str"
 * and "threads" libraries), Jane Street's Base/Core/Async, Lwt and other common libraries by module, and
 * anything built in an opam switch (`_opam/`, `~/.opam/`). Without a module (OCaml before 4.12 prints
 * none), a standard-library file is named alone ("map.ml", "list.ml").
 */
export function isOcamlLibraryCode(path: string, module: string): boolean {
  if (OCAML_LIBRARY_PATH.test(path)) return true;
  if (module) return OCAML_LIBRARY_MODULE.test(module);
  return !path.includes("/") && STDLIB_FILES.has(path.replace(/\.ml$/, ""));
}

const OCAML_LIBRARY_PATH = /(?:^|\/)_?opam\/|\/\.opam\//;

/** Top-level library modules; a wrapped library's modules are "Lib__Module" and its submodules "Lib.Module". */
const OCAML_LIBRARY_MODULE =
  /^(?:Stdlib|Caml\w*|Std_exit|Unix(?:Labels)?|Str|Thread|Event|Base|Stdio|Core(?:_kernel|_unix)?|Async(?:_kernel|_unix|_rpc)?|Lwt(?:_\w+)?|Eio(?:_\w+)?|Cohttp(?:_\w+)?|Conduit(?:_\w+)?|Dream|Httpaf|H2|Piaf|Yojson|Sexplib0?|Ppx_\w+|Ppxlib|Fmt|Logs|Cmdliner|Uri|Re|Angstrom|Caqti(?:_\w+)?|Irmin(?:_\w+)?|Alcotest|OUnit2?)(?:__|\.|$)/;

/** The standard library's files, as OCaml before 4.12 names them (no directory, no module). */
const STDLIB_FILES = new Set(
  (
    "stdlib pervasives std_exit list listLabels array arrayLabels bytes bytesLabels string stringLabels char uchar int int32 int64 nativeint float " +
    "bool unit fun option result either seq map set hashtbl queue stack buffer lazy camlinternalLazy camlinternalFormat camlinternalOO printf format " +
    "scanf printexc filename sys arg lexing parsing marshal obj oo weak ephemeron digest random domain effect mutex condition semaphore atomic " +
    "dynarray in_channel out_channel gc callback complex bigarray moreLabels stdLabels unix unixLabels str thread event"
  ).split(" "),
);
