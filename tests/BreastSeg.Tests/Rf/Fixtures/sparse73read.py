"""Writes the fixtures of Hdf5SparseReadTests, in MATLAB's HDF5 layout (superblock 0, data layout message 3, v1 B-tree
chunk index) behind MATLAB's 512-byte user block:

  sparse73read.mat  random chunked datasets of several classes (double, int16, uint8 and others, logical, char),
                    ranks 1 to 3, random chunk shapes (some spanning whole faster dimensions, some with partial edge
                    chunks), a random subset of chunks written, fill values 0, nonzero and NaN, deflate, deflate with
                    shuffle, or none; "dense" has every chunk written (PureHDF's own path).
  sparsebomb73.mat  one double dataset declared 200000 x 200000 (320 GB), 100 x 100 chunks + deflate, two written.

Run by hand (tests do not need python):  /usr/bin/python3 sparse73read.py [OUTDIR]  (python3-h5py, HDF5 1.10).
"""
import os
import sys
import h5py
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(20261215)
HEADER = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: fixture HDF5 schema 1.00 ."


def matlab_header(path):
    with open(path, "r+b") as f:
        f.write(HEADER.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02IM")


def random_values(name, dtype, shape):
    if name == "logical":
        return rng.integers(0, 2, size=shape)
    if name == "char":
        return rng.integers(32, 0x3000, size=shape)
    if np.issubdtype(dtype, np.floating):
        values = rng.normal(0, 100, size=shape)
        values.flat[rng.integers(0, values.size)] = [np.nan, np.inf, -np.inf][int(rng.integers(0, 3))]
        return values
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, size=shape, endpoint=True)


classes = [("double", np.float64), ("int16", np.int16), ("uint8", np.uint8), ("single", np.float32),
           ("logical", np.uint8), ("char", np.uint16), ("uint32", np.uint32), ("int64", np.int64)]
path = os.path.join(out, "sparse73read.mat")
with h5py.File(path, "w", userblock_size=512, libver="earliest") as f:
    for i in range(24):
        name, dtype = classes[i % len(classes)]
        rank = 1 + i % 3
        dims = tuple(int(d) for d in rng.integers(1, {1: 400, 2: 60, 3: 14}[rank], size=rank))
        # Every fourth dataset's chunks span the faster dimensions whole: runs longer than one row.
        chunks = tuple(int(rng.integers(1, d + 1)) if k == 0 or i % 4 else d for k, d in enumerate(dims))
        if name in ("double", "single"):
            fill = [0, -2.5, np.nan][i % 3]
        elif name == "logical":
            fill = (i // 8) % 2
        else:
            fill = 0 if i % 3 == 0 else int(rng.integers(1, 100))
        filters = [{}, {"compression": "gzip"}, {"compression": "gzip", "shuffle": True}][i % 3 if i % 5 else 0]
        d = f.create_dataset(f"r{i}", shape=dims, dtype=dtype, chunks=chunks, fillvalue=fill, **filters)
        d.attrs["MATLAB_class"] = np.bytes_(name)
        if name == "char":
            d.attrs["MATLAB_int_decode"] = np.int32(2)
        grid = [range(0, n, c) for n, c in zip(dims, chunks)]
        starts = np.array(np.meshgrid(*grid, indexing="ij")).reshape(rank, -1).T
        written = [s for s in starts if rng.uniform() < rng.uniform(0.1, 0.8)][: len(starts) - 1]
        for s in written:
            region = tuple(slice(a, min(a + c, n)) for a, c, n in zip(s, chunks, dims))
            d[region] = random_values(name, dtype, tuple(r.stop - r.start for r in region)).astype(dtype)
    d = f.create_dataset("dense", shape=(23, 17), dtype=np.int16, chunks=(5, 4), fillvalue=7, compression="gzip")
    d.attrs["MATLAB_class"] = np.bytes_("int16")
    d[...] = rng.integers(-3000, 3000, size=(23, 17)).astype(np.int16)
matlab_header(path)

path = os.path.join(out, "sparsebomb73.mat")
with h5py.File(path, "w", userblock_size=512, libver="earliest") as f:
    d = f.create_dataset("bomb", shape=(200000, 200000), dtype="<f8", chunks=(100, 100), compression="gzip", fillvalue=0.0)
    d.attrs["MATLAB_class"] = np.bytes_("double")
    d[0:100, 0:100] = np.arange(10000, dtype="<f8").reshape(100, 100)
    d[199900:200000, 100:200] = -np.arange(10000, dtype="<f8").reshape(100, 100) / 4
matlab_header(path)
