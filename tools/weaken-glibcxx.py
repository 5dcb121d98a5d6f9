#!/usr/bin/env python3
"""Marks the GLIBCXX_3.4.32 version requirement of an ELF shared library WEAK.

libLibTorchSharp.so (TorchSharp 0.107) is linked against GCC 13 and asks for
GLIBCXX_3.4.32, which Debian 12 lacks. The only symbol with that tag is
std::ios_base_library_init(), a link-time marker never called at run time, so a
weak requirement lets the loader accept the library. Idempotent.
"""
import struct
import sys

VER_FLG_WEAK = 0x2
SHT_GNU_VERNEED = 0x6FFFFFFE
TARGET = b"GLIBCXX_3.4.32"


def weaken(path: str) -> int:
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise SystemExit(f"{path}: not a little-endian 64-bit ELF file")
        e_shoff, = struct.unpack_from("<Q", data, 0x28)
        e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
        changed = 0
        for sh in sections:
            if sh[1] != SHT_GNU_VERNEED:
                continue
            strtab_offset = sections[sh[6]][4]
            entry = sh[4]
            for _ in range(sh[8]):  # sh_info: number of Verneed entries
                _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, entry)
                aux = entry + vn_aux
                for _ in range(vn_cnt):
                    _, flags, _, name, vna_next = struct.unpack_from("<IHHII", data, aux)
                    start = strtab_offset + name
                    if data[start:data.index(b"\0", start)] == TARGET and not flags & VER_FLG_WEAK:
                        struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                        changed += 1
                    aux += vna_next
                entry += vn_next
        if changed:
            f.seek(0)
            f.write(data)
        return changed


if __name__ == "__main__":
    for library in sys.argv[1:]:
        print(f"{library}: {weaken(library)} requirement(s) of {TARGET.decode()} marked weak")
