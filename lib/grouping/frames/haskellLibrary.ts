/**
 * Haskell library code, by the package GHC prints before a frame's module ("base:GHC.List",
 * "ghc-internal:GHC.Internal.Exception", "aeson-2.2.1.0-8Hk2Lz:Data.Aeson"): the app's own code is in
 * package "main" (an executable) or a package built in place from the project ("shop-0.1.0-inplace",
 * cabal's local packages); every other package is a dependency. A frame without a package is left to
 * its path.
 */
export function isHaskellLibraryCode(module: string): boolean {
  const colon = module.indexOf(":");
  if (colon <= 0) return false;
  const pkg = module.slice(0, colon);
  return pkg !== "main" && !pkg.includes("-inplace");
}
