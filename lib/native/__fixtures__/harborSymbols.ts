/** A symbol file as dump_syms writes one, for tests (written for Faultline): `harbor`, x86_64 Linux. */
export const HARBOR_SYM = [
  "MODULE Linux x86_64 3E5A0E68D4BE8E6F2F011BF9C5C8F5B30 harbor",
  "INFO CODE_ID 680E5A3EBED46F8E2F011BF9C5C8F5B3B1D2E3F4",
  "FILE 0 /src/harbor/dock.cc",
  "FILE 1 /usr/include/c++/12/bits/stl_vector.h",
  "FILE 2 /src/harbor/main.cc",
  "INLINE_ORIGIN 0 std::vector<int, std::allocator<int> >::operator[](unsigned long)",
  "FUNC 1a40 5c 0 Dock::Berth(int)",
  "INLINE 0 42 0 0 1a52 8",
  "1a40 12 40 0",
  "1a52 8 1123 1",
  "1a5a 42 43 0",
  "FUNC m 1aa0 20 0 main",
  "1aa0 10 10 2",
  "1ab0 10 11 2",
  "PUBLIC 1b00 0 _start",
  "STACK CFI INIT 1a40 5c .cfa: $rsp 8 + .ra: .cfa -8 + ^",
  "STACK CFI 1a41 .cfa: $rsp 16 +",
  "",
].join("\n");

