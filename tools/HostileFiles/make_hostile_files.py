#!/usr/bin/env python3
"""Writes the hostile and huge MAT files of issue 15 (h5py for v7.3, zlib for v7), each small on disk.

usage: make_hostile_files.py OUTDIR [--v7-gb GB]

  bomb73.mat     MAT v7.3, one dataset declared 200000 x 200000 double (320 GB), chunked 100 x 100 + gzip,
                 one chunk written (about 12 KB on disk)
  sparse73.mat   MAT v7.3, a 3000 x 2000 double (48 MB declared), chunked 16 x 16 + gzip, 1% of chunks written
  sparse2g73.mat MAT v7.3, a 16000 x 16000 double (2 GB declared, under the default cap), chunked 1000 x 1000 +
                 gzip, 1 of 256 chunks written
  zeros7.mat     MAT v7, one miCOMPRESSED element holding a double array of zeros (default 3.9 GB: --v7-gb)

The v7.3 files carry MATLAB's 512-byte user block (MAT header, version 0x0200, 'IM') and MATLAB_class attributes;
HDF5 dimensions are MATLAB's reversed.
"""
import struct, sys, zlib
import numpy as np
import h5py

HEADER = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: hostile-files HDF5 schema 1.00 ."


def v73(path, name, matlab_shape, chunks, fill_rows):
    with h5py.File(path, "w", userblock_size=512, libver="earliest") as f:
        d = f.create_dataset(name, shape=tuple(reversed(matlab_shape)), dtype="<f8",
                             chunks=tuple(reversed(chunks)), compression="gzip", fillvalue=0.0)
        d.attrs.create("MATLAB_class", np.bytes_("double"))
        fill_rows(d)
    with open(path, "r+b") as f:
        f.write(HEADER.ljust(116, b" ") + b"\0" * 8 + struct.pack("<H", 0x0200) + b"IM")


def bomb(d):
    d[0:100, 0:100] = np.arange(10000, dtype="<f8").reshape(100, 100)


def sparse(d):
    rng = np.random.default_rng(15)
    rows, cols = d.shape  # HDF5 order: MATLAB columns, then rows
    for _ in range(int(0.01 * (rows // 16) * (cols // 16))):
        r, c = 16 * rng.integers(rows // 16), 16 * rng.integers(cols // 16)
        d[r:r + 16, c:c + 16] = rng.standard_normal((16, 16))


def one_chunk(d):
    d[3000:4000, 5000:6000] = np.random.default_rng(2).standard_normal((1000, 1000))


def zeros7(path, gigabytes):
    """A MAT v7 file whose one compressed element is a rows x 1 double array of zeros (streamed through zlib)."""
    count = int(gigabytes * 1e9) // 8
    name = b"z"
    body = (struct.pack("<II", 6, 8) + struct.pack("<II", 6, 0)            # array flags: mxDOUBLE
            + struct.pack("<II", 5, 8) + struct.pack("<ii", count, 1)       # dimensions count x 1
            + struct.pack("<HH", len(name), 1) + name.ljust(4, b"\0")       # name, small element
            + struct.pack("<II", 9, count * 8))                             # miDOUBLE tag; the zeros follow
    matrix = struct.pack("<II", 14, len(body) + count * 8) + body
    z = zlib.compressobj(9)
    parts = [z.compress(matrix)]
    block = bytes(1 << 24)
    left = count * 8
    while left > 0:
        n = min(left, len(block))
        parts.append(z.compress(block[:n]))
        left -= n
    parts.append(z.flush())
    compressed = b"".join(parts)
    header = b"MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: hostile-files".ljust(116, b" ") + b"\0" * 8 + struct.pack("<H", 0x0100) + b"IM"
    with open(path, "wb") as f:
        f.write(header + struct.pack("<II", 15, len(compressed)) + compressed)


if __name__ == "__main__":
    out = sys.argv[1]
    gb = float(sys.argv[sys.argv.index("--v7-gb") + 1]) if "--v7-gb" in sys.argv else 3.9
    v73(f"{out}/bomb73.mat", "bomb", (200000, 200000), (100, 100), bomb)
    v73(f"{out}/sparse73.mat", "sparse", (3000, 2000), (16, 16), sparse)
    v73(f"{out}/sparse2g73.mat", "sparse2g", (16000, 16000), (1000, 1000), one_chunk)
    zeros7(f"{out}/zeros7.mat", gb)
