/**
 * A frame's function as an issue's culprit names it: the method the developer wrote where a compiler
 * named a generated one, without the engine's markers. Display only — grouping keys the same frames
 * through normaliseFunction, which drops the same numbering.
 *
 *   .NET  `Acme.CsvReader.<ReadRows>d__4` `MoveNext`       → `ReadRows` (iterator / async state machine)
 *         `Acme.Runner.<>c.<<Start>b__2_0>d` `MoveNext`    → `lambda in Start` (async lambda)
 *         `<Run>b__0`, `<<Main>$>b__0_1`                   → `lambda in Run`, `lambda in Main`
 *         `<Run>g__Helper|5_1`                             → `Helper in Run` (local function)
 *   JVM   `lambda$notifyAll$0`, Kotlin `checkout$lambda$3` → `lambda in notifyAll`, `lambda in checkout`
 *         `UserService$load$1` `invokeSuspend` (coroutine) → `load`
 *   JS    `async OrderRepo.findById`, `async*load`         → `OrderRepo.findById`, `load`
 *
 * Everything else is returned as it is. The shapes are the compilers' own and cannot be a name
 * written in another language, so no language is needed (text traces often come without a platform).
 */
export function culpritFunction(fn: string, module?: string | null): string {
  const name = fn.trim();
  if (name.length > MAX || (module ?? "").length > MAX) return fn;
  if (/^MoveNext(?:Async)?$/.test(name) && module) {
    const member = module.slice(module.lastIndexOf(".") + 1);
    const written = dotnetMember(member);
    if (written !== member) return written;
  }
  if (name.startsWith("<")) return dotnetMember(name);
  const javaLambda = /^lambda\$(.+?)\$\d+$/.exec(name) ?? /^(.+?)\$lambda[$-]\d+$/.exec(name);
  if (javaLambda) return `lambda in ${javaLambda[1]}`;
  if (/^(?:invokeSuspend|invoke)$/.test(name) && module) {
    const coroutine = /\$([A-Za-z_]\w*)(?:\$\d+)+$/.exec(module);
    if (coroutine) return coroutine[1];
  }
  // A JavaScript name alone: sentry-dotnet's signatures ("async Task OrderService.GetAsync(int id)") keep their words.
  const js = /^(?:async\*|async )+([^\s()]+)$/.exec(name);
  return js ? js[1] : name;
}

/** Long enough for any real name; longer input is shown as it is (the patterns below backtrack). */
const MAX = 512;

/** A .NET compiler-generated member named after the method it was written in. */
function dotnetMember(member: string): string {
  const stateMachine = /^<(.+)>d(?:__\d+)?(?:`\d+)?$/.exec(member);
  if (stateMachine) return dotnetMember(stateMachine[1]);
  const lambda = /^<(.+)>b__\w+$/.exec(member);
  if (lambda) return `lambda in ${dotnetMember(lambda[1])}`;
  const local = /^<(.+)>g__([^|<>]+)\|\w+$/.exec(member);
  if (local) return `${local[2]} in ${dotnetMember(local[1])}`;
  const topLevel = /^<(\w+)>\$$/.exec(member);
  if (topLevel) return topLevel[1];
  return member;
}
