import { ANDROID_APP_BINARY, NATIVE_DEPENDENCY_PATH, NATIVE_LIBRARY_FUNCTION } from "@/lib/grouping/frames/libraryCode";

/**
 * Native library code as grouping version 1 judged it, kept as it was so that version-1 keys never
 * change: every binary named like a shared library ("*.so", "*.dylib") and everything under /usr
 * (/usr/local/bin and /usr/src included) was a system library. Version 2 knows better
 * (lib/grouping/frames/libraryCode.ts: isNativeLibraryCode).
 */
const LEGACY_NATIVE_LIBRARY_BINARY =
  /(?:^lib.*\.(?:so|dylib)|\.so(?:\.\d+)*|\.dylib)$|^(?:UIKitCore|UIKit|CoreFoundation|Foundation|GraphicsServices|SwiftUI|AppKit|QuartzCore|CFNetwork|dyld|FrontBoardServices|RunningBoardServices|AttributeGraph|Combine|CoreData|WebKit|Security|ntdll\.dll|kernel32\.dll|KERNELBASE\.dll|ucrtbase\.dll|vcruntime\d+\.dll|msvcp\d+\.dll)$/i;
const LEGACY_NATIVE_LIBRARY_PATH =
  /^\.\.\/sysdeps\/|^\.\/(?:nptl|stdlib|assert|csu|signal|string|libio|malloc|posix|elf|sysdeps)\/|\/glibc-[\d.]+\/|^\/(?:usr|lib|lib64)\/|^\/System\/Library\/|^\/Applications\/Xcode|^[a-z]:\/windows\//i;

export function isLegacyNativeLibraryCode(path: string, fn: string, binary: string): boolean {
  if (LEGACY_NATIVE_LIBRARY_PATH.test(path) || NATIVE_DEPENDENCY_PATH.test(path) || NATIVE_LIBRARY_FUNCTION.test(fn)) return true;
  if (binary === "") return false;
  const binaryPath = binary.replace(/\\/g, "/");
  if (ANDROID_APP_BINARY.test(binaryPath)) return false;
  return LEGACY_NATIVE_LIBRARY_PATH.test(binaryPath) || LEGACY_NATIVE_LIBRARY_BINARY.test(binaryPath.slice(binaryPath.lastIndexOf("/") + 1));
}
