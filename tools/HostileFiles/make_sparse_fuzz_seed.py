#!/usr/bin/env python3
"""Writes the sparse MAT v7.3 seed of `breastseg fuzz` (lib/BreastSeg/Fuzzing/FuzzSparseV73Seed.cs holds it gzipped,
base64): a 6 x 5 int16 in MATLAB's HDF5 layout (layout message 3, v1 B-tree chunk index, indexed-storage K 1 so the
index has two levels), 2 x 2 chunks + gzip, fill value -7, 4 of 9 chunks written. PureHDF's writer makes only version 4
layouts, so this seed is what brings the hand-written chunk index reader (Hdf5ChunkIndex) under the fuzzer.

usage: /usr/bin/python3 make_sparse_fuzz_seed.py   (writes seed.mat and prints the C# constant's base64)
"""
import base64, ctypes, ctypes.util, gzip
import h5py
import numpy as np
fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE); fcpl.set_userblock(512)
hdf5 = ctypes.CDLL(ctypes.util.find_library("hdf5_serial") or "libhdf5_serial.so.103")
assert hdf5.H5Pset_istore_k(ctypes.c_int64(fcpl.id), ctypes.c_uint(1)) >= 0
fid = h5py.h5f.create(b"seed.mat", h5py.h5f.ACC_TRUNC, fcpl=fcpl)
with h5py.File(fid) as f:
    d = f.create_dataset("s", shape=(5, 6), dtype="<i2", chunks=(2, 2), compression="gzip", fillvalue=-7)
    d.attrs["MATLAB_class"] = np.bytes_("int16")
    for r, c in [(0, 0), (2, 4), (4, 2), (0, 4)]:
        d[r:r+2, c:c+2] = np.arange(4, dtype="<i2").reshape(2, 2)[: min(2, 5 - r)] + 10 * r + c
with open("seed.mat", "r+b") as out:
    out.write(b"MATLAB 7.3 MAT-file, written by the BreastSeg fuzz seeds".ljust(116, b" ") + b"\0" * 8 + b"\x00\x02IM")
with open("seed.mat", "rb") as f:
    print(base64.b64encode(gzip.compress(f.read(), 9, mtime=0)).decode())
