import { describe, expect, it } from "vitest";
import { parseLua } from "@/lib/ingest/stacktrace/parseLua";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const TRACEBACK = `lua: app/handler.lua:42: attempt to index a nil value (local 'user')
stack traceback:
        [C]: in function 'error'
        app/handler.lua:42: in function 'process'
        app/handler.lua:30: in method 'run'
        app/router.lua:17: in upvalue 'dispatch'
        app/router.lua:9: in field 'handle'
        app/main.lua:5: in local 'start'
        app/main.lua:12: in main chunk
        [C]: in ?`;

describe("parseLua", () => {
  it("reads the standalone interpreter's traceback, outermost first, how each function was reached dropped", () => {
    expect(parseLua(TRACEBACK)).toEqual([
      { function: "main chunk", filename: "app/main.lua", lineno: 12 },
      { function: "start", filename: "app/main.lua", lineno: 5 },
      { function: "handle", filename: "app/router.lua", lineno: 9 },
      { function: "dispatch", filename: "app/router.lua", lineno: 17 },
      { function: "run", filename: "app/handler.lua", lineno: 30 },
      { function: "process", filename: "app/handler.lua", lineno: 42 },
      { function: "error", filename: "[C]" },
    ]);
  });

  it("reads Lua 5.4's names: a module function, an anonymous function, a metamethod; tail calls skipped", () => {
    const text = [
      "lua: /srv/shop/cart.lua:8: attempt to perform arithmetic on a nil value (field 'price')",
      "stack traceback:",
      "\t/srv/shop/cart.lua:8: in metamethod 'add'",
      "\t/srv/shop/cart.lua:20: in function </srv/shop/cart.lua:18>",
      "\t(...tail calls...)",
      "\t[C]: in function 'table.sort'",
      "\t/srv/shop/cart.lua:31: in function 'cart.total'",
      "\t/srv/shop/main.lua:4: in for iterator 'for iterator'",
      "\t[C]: in ?",
    ].join("\n");
    expect(parseLua(text)).toEqual([
      { function: "for iterator", filename: "/srv/shop/main.lua", absPath: "/srv/shop/main.lua", lineno: 4 },
      { function: "cart.total", filename: "/srv/shop/cart.lua", absPath: "/srv/shop/cart.lua", lineno: 31 },
      { function: "table.sort", filename: "[C]" },
      { filename: "/srv/shop/cart.lua", absPath: "/srv/shop/cart.lua", lineno: 20 },
      { function: "__add", filename: "/srv/shop/cart.lua", absPath: "/srv/shop/cart.lua", lineno: 8 },
    ]);
  });

  it("reads Lua 5.1's and LuaJIT's spellings: '?' without 'in', C functions by address, builtins, tail calls", () => {
    const text = [
      "luajit: game/enemy.lua:77: bad argument #1 to 'ipairs' (table expected, got nil)",
      "stack traceback:",
      "\t[C]: at 0x5590d3a1c2b0",
      "\t[builtin#6]: at 0x5590d3a1c440",
      "\tgame/enemy.lua:77: in function 'update'",
      "\t(tail call): ?",
      "\tgame/world.lua:12: in function <game/world.lua:10>",
      "\t[C]: in function 'xpcall'",
      "\tmain.lua:3: in main chunk",
      "\t[C]: ?",
    ].join("\n");
    expect(parseLua(text)).toEqual([
      { function: "main chunk", filename: "main.lua", lineno: 3 },
      { function: "xpcall", filename: "[C]" },
      { filename: "game/world.lua", lineno: 12 },
      { function: "update", filename: "game/enemy.lua", lineno: 77 },
    ]);
  });

  it("reads OpenResty's error log: inline nginx.conf code and load()ed chunks are the app's, lualib and resty/ are not", () => {
    const text = [
      '2026/03/12 10:15:42 [error] 2143#2143: *17 lua entry thread aborted: runtime error: /srv/gateway/lua/auth.lua:23: token expired',
      "stack traceback:",
      "coroutine 0:",
      "\t[C]: in function 'error'",
      "\t/srv/gateway/lua/auth.lua:23: in function 'check'",
      "\t/usr/local/openresty/lualib/resty/core/base.lua:44: in function 'wrap'",
      "\t/usr/local/share/lua/5.1/resty/jwt.lua:812: in function 'verify'",
      '\t[string "local auth = require(\'auth\')..."]:3: in main chunk',
      '\taccess_by_lua(nginx.conf:58):2: in main chunk, client: 10.0.0.7, server: api.example.com, request: "GET /orders HTTP/1.1", host: "api.example.com"',
    ].join("\n");
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("lua");
    expect(parsed.frames.map((f) => [f.function, f.filename, f.lineno, f.inApp])).toEqual([
      ["main chunk", "access_by_lua(nginx.conf:58)", 2, true],
      ["main chunk", '[string "local auth = require(\'auth\')..."]', 3, true],
      ["verify", "/usr/local/share/lua/5.1/resty/jwt.lua", 812, false],
      ["wrap", "/usr/local/openresty/lualib/resty/core/base.lua", 44, false],
      ["check", "/srv/gateway/lua/auth.lua", 23, true],
      ["error", "[C]", undefined, false],
    ]);
  });

  it("marks LuaRocks trees, a project's lua_modules and C functions as library code", () => {
    const text = [
      "stack traceback:",
      "\t[C]: in function 'assert'",
      "\t/home/deploy/.luarocks/share/lua/5.4/pgmoon/init.lua:310: in method 'query'",
      "\tlua_modules/share/lua/5.4/lapis/application.lua:150: in function 'dispatch'",
      "\t/usr/share/lua/5.4/socket.lua:29: in function 'connect'",
      "\tapp/models/order.lua:55: in function 'save'",
    ].join("\n");
    expect(parseStackTrace(text, "lua").frames.map((f) => [f.function, f.inApp])).toEqual([
      ["save", true],
      ["connect", false],
      ["dispatch", false],
      ["query", false],
      ["assert", false],
    ]);
  });

  it("is picked by the platform hints lua, luajit and openresty", () => {
    for (const hint of ["lua", "luajit", "openresty"]) expect(parseStackTrace(TRACEBACK, hint).language).toBe("lua");
  });

  it("claims no other language's trace, and no traceback without a Lua frame", () => {
    expect(parseLua('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseLua("/app/models/user.rb:42:in 'User#full_name': undefined method (NoMethodError)\n\tfrom /app/x.rb:10:in 'show'")).toBeNull();
    expect(parseLua("Error: boom\n    at f (/app/a.js:1:2)")).toBeNull();
    expect(parseLua("stack traceback:\n\t[C]: in function 'error'\n\t[C]: in ?")).toBeNull();
    expect(parseLua("lua: app/handler.lua:42: attempt to index a nil value")).toBeNull();
    expect(parseLua("note: see docs: in function 'x'")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [`[string "${"a".repeat(4000)}`, `${"x: ".repeat(1300)}in ?`, `${"a:1".repeat(1300)}: in function '${"'".repeat(600)}`, ": in ?"]) {
      expect(() => parseLua(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
