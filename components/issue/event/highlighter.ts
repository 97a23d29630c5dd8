import { PrismLight } from "react-syntax-highlighter";
import c from "react-syntax-highlighter/dist/esm/languages/prism/c";
import cpp from "react-syntax-highlighter/dist/esm/languages/prism/cpp";
import crystal from "react-syntax-highlighter/dist/esm/languages/prism/crystal";
import csharp from "react-syntax-highlighter/dist/esm/languages/prism/csharp";
import dart from "react-syntax-highlighter/dist/esm/languages/prism/dart";
import elixir from "react-syntax-highlighter/dist/esm/languages/prism/elixir";
import go from "react-syntax-highlighter/dist/esm/languages/prism/go";
import haskell from "react-syntax-highlighter/dist/esm/languages/prism/haskell";
import java from "react-syntax-highlighter/dist/esm/languages/prism/java";
import javascript from "react-syntax-highlighter/dist/esm/languages/prism/javascript";
import jsx from "react-syntax-highlighter/dist/esm/languages/prism/jsx";
import julia from "react-syntax-highlighter/dist/esm/languages/prism/julia";
import kotlin from "react-syntax-highlighter/dist/esm/languages/prism/kotlin";
import lua from "react-syntax-highlighter/dist/esm/languages/prism/lua";
import markup from "react-syntax-highlighter/dist/esm/languages/prism/markup";
import nim from "react-syntax-highlighter/dist/esm/languages/prism/nim";
import ocaml from "react-syntax-highlighter/dist/esm/languages/prism/ocaml";
import perl from "react-syntax-highlighter/dist/esm/languages/prism/perl";
import php from "react-syntax-highlighter/dist/esm/languages/prism/php";
import python from "react-syntax-highlighter/dist/esm/languages/prism/python";
import ruby from "react-syntax-highlighter/dist/esm/languages/prism/ruby";
import rust from "react-syntax-highlighter/dist/esm/languages/prism/rust";
import scala from "react-syntax-highlighter/dist/esm/languages/prism/scala";
import swift from "react-syntax-highlighter/dist/esm/languages/prism/swift";
import tsx from "react-syntax-highlighter/dist/esm/languages/prism/tsx";
import typescript from "react-syntax-highlighter/dist/esm/languages/prism/typescript";
import zig from "react-syntax-highlighter/dist/esm/languages/prism/zig";

// The grammars frameLanguage (lib/errors/events/eventFrames.ts) can name; anything else is plain text.
const GRAMMARS = { c, cpp, crystal, csharp, dart, elixir, go, haskell, java, javascript, jsx, julia, kotlin, lua, markup, nim, ocaml, perl, php, python, ruby, rust, scala, swift, tsx, typescript, zig };
for (const [name, grammar] of Object.entries(GRAMMARS)) PrismLight.registerLanguage(name, grammar);

export const Highlighter = PrismLight;
export const isHighlighted = (language: string) => language in GRAMMARS;
