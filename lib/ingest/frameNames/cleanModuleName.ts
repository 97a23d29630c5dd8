/**
 * Makes JVM/.NET class names stable across builds: generated and anonymous classes get
 * numbers or addresses assigned by the compiler/runtime that shift when code changes.
 */
export function cleanModuleName(module: string): string {
  return module
    .trim()
    .replace(/\$\$.*$/, "") // Foo$$Lambda$14/0x0800c0b000, Foo$$EnhancerBySpringCGLIB$$3f2a9c1b
    .replace(/\$\d+/g, ""); // anonymous classes Foo$1, Kotlin Foo$bar$2
}

/**
 * .NET compiler-generated members, resolved to the method the developer wrote:
 *   Ns.Svc.<LoadAsync>d__5.MoveNext      -> Ns.Svc.LoadAsync   (async/iterator state machine)
 *   Ns.Svc.<>c.<Get>b__3_0               -> Ns.Svc.Get         (lambda)
 *   Ns.Svc.<>c__DisplayClass5_0.<Get>b__0 -> Ns.Svc.Get        (closure)
 *   Ns.Svc.<Main>g__Helper|0_0           -> Ns.Svc.Main        (local function)
 * Returns the split module/function again.
 */
export function cleanDotnetNames(module: string, fn: string): { module: string; function: string } {
  const qualified = `${module}.${fn}`
    .replace(/\.<>c(?:__DisplayClass\w*)?(?=\.)/g, "") // closure classes first: "<>c__" would look like a member
    .replace(/<([^<>]+)>d__\d+\.MoveNext$/, "$1")
    .replace(/<([^<>]+)>[a-z]__[\w|]*/g, "$1");
  const dot = qualified.lastIndexOf(".");
  return dot > 0 ? { module: qualified.slice(0, dot), function: qualified.slice(dot + 1) } : { module: "", function: qualified };
}
