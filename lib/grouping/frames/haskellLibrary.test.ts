import { describe, expect, it } from "vitest";
import { isHaskellLibraryCode } from "@/lib/grouping/frames/haskellLibrary";

describe("isHaskellLibraryCode", () => {
  it("cabal: the executable, in-place packages and their components are the app's; every store unit is not", () => {
    expect(isHaskellLibraryCode("main:Main", "app/Main.hs")).toBe(false);
    expect(isHaskellLibraryCode("shop-0.1.0-inplace:Orders", "src/Orders.hs")).toBe(false);
    expect(isHaskellLibraryCode("shop-0.1.0-inplace-shop-exe:Main", "app/Main.hs")).toBe(false);
    expect(isHaskellLibraryCode("shop-0.1.0-inplace-internal:Shop.Internal", "internal/Shop/Internal.hs")).toBe(false);
    // A dependency cabal built in its store, named or not, its file relative to its package as GHC records it.
    const hash = "0bd7d2de1d4bd8a7c5d6d6a1bd1a0fb8bdfe9b3ef9e1b1d33b94e87dbdb2dc52";
    expect(isHaskellLibraryCode(`aeson-2.2.1.0-${hash}:Data.Aeson.Types.FromJSON`, "src/Data/Aeson/Types/FromJSON.hs")).toBe(true);
    expect(isHaskellLibraryCode(`obscure-parser-0.1-${hash}:Obscure.Parser`, "src/Obscure/Parser.hs")).toBe(true);
  });

  it("stack: the project's own hashed packages are the app's; snapshot packages are library by name", () => {
    expect(isHaskellLibraryCode("shop-0.1.0.0-7Ab3xYzQw1:Orders", "src/Orders.hs")).toBe(false);
    expect(isHaskellLibraryCode("shop-api-2.4.0-KmJ7eXj5nRo8uMnb1nDm7A:Shop.Api.Handlers", "src/Shop/Api/Handlers.hs")).toBe(false);
    expect(isHaskellLibraryCode("servant-server-0.20.2-8Hk2LzRq3DpBpV1Yg1NfIx:Servant.Server.Internal", "src/Servant/Server/Internal.hs")).toBe(true);
    expect(isHaskellLibraryCode("warp-3.3.31-KmJ7eXj5nRo8:Network.Wai.Handler.Warp.Run", "Network/Wai/Handler/Warp/Run.hs")).toBe(true);
    expect(isHaskellLibraryCode("unordered-containers-0.2.20-9vQx:Data.HashMap.Internal", "Data/HashMap/Internal.hs")).toBe(true);
    expect(isHaskellLibraryCode("persistent-postgresql-2.13.6.1-Ab12:Database.Persist.Postgresql", "Database/Persist/Postgresql.hs")).toBe(true);
    expect(isHaskellLibraryCode("http-client-0.7.17-Cd34:Network.HTTP.Client.Core", "Network/HTTP/Client/Core.hs")).toBe(true);
    expect(isHaskellLibraryCode("http2-5.2.6-Ef56:Network.HTTP2.Server.Run", "Network/HTTP2/Server/Run.hs")).toBe(true);
    expect(isHaskellLibraryCode("base64-bytestring-1.2.1.0-Gh78:Data.ByteString.Base64", "Data/ByteString/Base64.hs")).toBe(true);
  });

  it("GHC's boot packages, with or without a version", () => {
    for (const unit of ["base", "ghc-internal", "ghc-prim", "ghc-bignum", "integer-gmp", "text", "bytestring", "containers", "transformers", "mtl", "stm", "base-4.9.0.0", "ghc-prim-0.5.0.0", "rts"]) {
      expect(isHaskellLibraryCode(`${unit}:M`, "libraries/x/M.hs"), unit).toBe(true);
    }
  });

  it("a file in a package manager's store or download directory is library, whatever its package", () => {
    for (const path of [
      "/home/u/.cabal/store/ghc-9.6.4/shop-parsers-0.3-Xy12/src/Parse.hs",
      "/home/u/.local/state/cabal/store/ghc-9.8.2/p-1/src/P.hs",
      "C:\\Users\\u\\AppData\\Roaming\\cabal\\packages\\hackage.haskell.org\\p\\P.hs",
      "/root/.stack/snapshots/x86_64-linux/abc/9.6.4/lib/P.hs",
      "/srv/shop/.stack-work/downloaded/xYz/src/P.hs",
      "dist-newstyle/src/forked-lib-3f2a/src/P.hs",
      "/nix/store/0c4k6b-forked-lib-1.0/src/P.hs",
      "/home/u/.ghcup/ghc/9.6.4/lib/ghc-9.6.4/lib/P.hs",
    ]) {
      expect(isHaskellLibraryCode("forked-lib-1.0-Zz99:P", path), path).toBe(true);
    }
    expect(isHaskellLibraryCode("shop-0.1.0.0-7Ab3xYzQw1:Orders", "/srv/shop/src/Orders.hs")).toBe(false);
    expect(isHaskellLibraryCode("shop-0.1.0.0-7Ab3xYzQw1:Paths_shop", "/srv/shop/.stack-work/dist/x86_64-linux/ghc-9.6.4/build/autogen/Paths_shop.hs")).toBe(false);
  });

  it("a project named like a common word is not taken for the package of that name; GHCi's input is the user's; no package: left to the path", () => {
    expect(isHaskellLibraryCode("text-adventure-0.1.0.0-Ab12:Game", "src/Game.hs")).toBe(false);
    expect(isHaskellLibraryCode("time-tracker-1.0-Cd34:Tracker", "src/Tracker.hs")).toBe(false);
    expect(isHaskellLibraryCode("interactive:Ghci1", "<interactive>")).toBe(false);
    expect(isHaskellLibraryCode("", "src/A.hs")).toBe(false);
    expect(isHaskellLibraryCode("Main", "src/A.hs")).toBe(false);
  });
});
