"""Writes sparse73.mat, the fixture of Hdf5ChunkIndexTests: MAT v7.3 datasets in MATLAB's HDF5 layout (superblock 0,
data layout message 3, v1 B-tree chunk index), chunked, with a random subset of chunks written.

Run by hand (tests do not need python):  /usr/bin/python3 sparse73.py  (python3-h5py, HDF5 1.10).
Each dataset carries an attribute 'chunks' from libhdf5's own index (H5Dget_chunk_info): one row per written chunk,
its HDF5 offsets, filter mask, file address and stored size, the reference the hand-written reader is tested against.
Indexed-storage K is 2 (4 chunks a B-tree node), so the indexes are several levels deep.
"""
import ctypes
import ctypes.util
import sys
import h5py
import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "sparse73.mat"
rng = np.random.default_rng(20261202)
fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
fcpl.set_userblock(512)
# h5py has no set_istore_k: call libhdf5 itself (hid_t is 64-bit since HDF5 1.10).
hdf5 = ctypes.CDLL(ctypes.util.find_library("hdf5_serial") or "libhdf5_serial.so.103")
assert hdf5.H5Pset_istore_k(ctypes.c_int64(fcpl.id), ctypes.c_uint(2)) >= 0
fid = h5py.h5f.create(path.encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl)
classes = [("double", np.float64), ("single", np.float32), ("int16", np.int16), ("uint8", np.uint8),
           ("int32", np.int32), ("uint64", np.uint64), ("int8", np.int8), ("logical", np.uint8)]
with h5py.File(fid) as f:
    for i in range(20):
        name, dtype = classes[i % len(classes)]
        rank = 2 if i % 4 else 3
        # The last six have more, smaller chunks: B-trees three levels deep.
        dims = tuple(int(d) for d in rng.integers(1 if i < 14 else 8, (30 if rank == 2 else 9) * (1 if i < 14 else 2), size=rank))
        chunks = tuple(int(rng.integers(1, (d if i < 14 else min(d, 6)) + 1)) for d in dims)
        fill = 0 if i % 3 == 0 else (1 if name == "logical" else int(rng.integers(-5, 6)) if np.issubdtype(dtype, np.signedinteger) else int(rng.integers(1, 9)))
        if name in ("double", "single") and i % 3 == 2:
            fill = -2.5 if i < 16 else np.nan
        gzip = 4 if i % 2 or i in (16, 18) else None
        d = f.create_dataset(f"v{i}", shape=dims, dtype=dtype, chunks=chunks, fillvalue=fill, compression=gzip)
        d.attrs["MATLAB_class"] = np.bytes_(name)
        grid = [range(0, n, c) for n, c in zip(dims, chunks)]
        starts = np.array(np.meshgrid(*grid, indexing="ij")).reshape(rank, -1).T
        share = rng.uniform(0.05, 0.7 if i < 14 else 0.3)
        written = [s for s in starts if rng.uniform() < share][: min(len(starts) - 1, 40)]
        for s in written:
            region = tuple(slice(a, min(a + c, n)) for a, c, n in zip(s, chunks, dims))
            shape = tuple(r.stop - r.start for r in region)
            if name == "logical":
                values = rng.integers(0, 2, size=shape)
            elif np.issubdtype(dtype, np.floating):
                values = rng.normal(0, 100, size=shape) if i < 14 else np.round(rng.normal(0, 4, size=shape), 1)
                values.flat[rng.integers(0, values.size)] = [np.nan, np.inf, 7.0][int(rng.integers(0, 3))]
            else:
                info = np.iinfo(dtype)
                values = rng.integers(max(info.min, -1000), min(info.max, 1000), size=shape, endpoint=True)
            d[region] = values.astype(dtype)
        rows = []
        for k in range(d.id.get_num_chunks()):
            c = d.id.get_chunk_info(k)
            rows.append(list(c.chunk_offset) + [c.filter_mask, c.byte_offset, c.size])
        d.attrs["chunks"] = np.array(rows, dtype=np.int32).reshape(len(rows), rank + 3)
with open(path, "r+b") as out:
    header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: fixture HDF5 schema 1.00 ."
    out.write(header.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02IM")
