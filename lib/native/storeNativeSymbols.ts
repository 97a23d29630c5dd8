import { gzipSync } from "node:zlib";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { BreakpadSymbols } from "@/lib/native/breakpadSymbols";
import { forgetNativeSymbols } from "@/lib/native/eventNativeSymbols";
import type { NativeSymbolFileDto } from "@/lib/native/nativeSymbolSchemas";

/**
 * Checks a Breakpad symbol file (throws BreakpadSymbolsError when it is not one) and stores it in
 * the project under the debug ID its MODULE record names, replacing what was stored under that ID.
 * Events whose frames lie in that binary are symbolicated with it from now on (on every instance
 * within the symbol cache's 10 s).
 */
export async function storeNativeSymbols(projectId: string, content: Buffer): Promise<NativeSymbolFileDto> {
  const symbols = new BreakpadSymbols(content.toString("utf8"));
  const { debugId, name, os, arch } = symbols.module;
  const fields = { name: name.slice(0, 512), os: os.slice(0, 64), arch: arch.slice(0, 64), content: gzipSync(content), size: content.length, functionCount: symbols.functionCount, createdAt: new Date() };
  await db().nativeSymbolFile.upsert({ where: { projectId_debugId: { projectId, debugId } }, create: { id: uuidv7(), projectId, debugId, ...fields }, update: fields });
  forgetNativeSymbols(projectId, debugId);
  return { debugId, name: fields.name, os: fields.os, arch: fields.arch, size: fields.size, functionCount: fields.functionCount, createdAt: fields.createdAt.toISOString() };
}
