/**
 * Lua library code: C functions ("[C]", LuaJIT's "[builtin#19]"), modules installed by the system or
 * LuaRocks (`/usr/share/lua/5.1/…`, `/usr/local/lib/lua/5.4/…`, a rocks tree's `share/lua/5.1/…`,
 * a project's `lua_modules/`), OpenResty's bundled libraries (`/usr/local/openresty/lualib/…`,
 * `resty/…`, `ngx/…`) and nginx's own API (`ngx.say`, `ngx.exit`).
 */
export function isLuaLibraryCode(path: string, fn: string): boolean {
  if (LUA_STRING_CHUNK.test(path)) return false;
  if (!path) return /^ngx\./.test(fn);
  return LUA_BUILTIN.test(path) || LUA_LIBRARY_PATH.test(path.toLowerCase()) || /^ngx\./.test(fn);
}

/**
 * Code loaded from a string (load/loadstring, Redis EVAL scripts, a game's embedded scripts): bracketed
 * like a C function but the app's own.
 */
export const LUA_STRING_CHUNK = /^\[string "/;

const LUA_BUILTIN = /^\[(?:C|builtin#\d{1,4})\]$/;
const LUA_LIBRARY_PATH =
  /(?:^|\/)(?:share|lib|lib64)\/lua\/\d|(?:^|\/)(?:\.?luarocks|lua_modules|rocks-\d[\d.]*)\/|(?:^|\/)(?:lualib|resty|ngx)\/|(?:^|\/)openresty\//;
