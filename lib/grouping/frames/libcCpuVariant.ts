/**
 * glibc picks one of several builds of its string and memory functions for the CPU it runs on (an
 * ifunc): "__memmove_avx_unaligned_erms" on one host, "__memmove_evex_unaligned_erms" or
 * "__memmove_sse2_unaligned_erms" on another; macOS's libplatform names them
 * "_platform_memmove$VARIANT$Haswell". One crash would be one issue per CPU model: the function
 * is the one the code called ("__memmove").
 */
const GLIBC_STRING_FUNCTION = /^__(?:mem|str|stp|wmem|wcs|wcp|rawmem|bzero|bcopy)/;
/** One CPU-feature word glibc appends to a variant's name ("_avx2", "_unaligned", "_erms", "_rtm"…), at the end of the name. */
const CPU_FEATURE_SUFFIX =
  /_(?:sse2|sse3|ssse3|sse4_[12]|avx|avx2|avx512(?:f|bw|vl)?|evex(?:512)?|erms|unaligned|aligned|rtm|movbe|bmi2|vzeroupper|fsrm|back|bsf|no|nonshared|generic|simd|power\d{1,2}|neon|asimd|sve|mops|zva|thunderx2?|falkor|kunpeng|a64fx|emag|oryon1|z13|z15|vx|vxe2|arch13)$/;
/** More than any glibc variant carries ("__memmove_avx512_no_vzeroupper" has four). */
const MAX_SUFFIXES = 8;
const APPLE_VARIANT = /\$VARIANT\$\w{1,64}$/;

export function withoutCpuVariant(name: string): string {
  if (name.startsWith("_platform_")) return name.replace(APPLE_VARIANT, "");
  if (!GLIBC_STRING_FUNCTION.test(name) || name.length > 128) return name;
  let out = name;
  for (let i = 0; i < MAX_SUFFIXES; i++) {
    const next = out.replace(CPU_FEATURE_SUFFIX, "");
    if (next === out) break;
    out = next;
  }
  return out;
}
