using System.IO.Compression;

namespace BreastSeg.Fuzzing;

/// <summary>
/// A MAT v7.3 seed in MATLAB's own HDF5 layout (data layout message 3, a version 1 B-tree chunk index two levels deep):
/// a 6 x 5 int16 in 2 x 2 deflated chunks, 4 of 9 written, fill value -7. PureHDF's writer makes only version 4
/// layouts, so the other v7.3 seed never reaches the chunk index reader that summaries of sparse datasets use; size
/// bombs on this one declare huge sparse datasets whose unwritten chunks are folded from the index.
/// </summary>
/// <remarks>Written by libhdf5 through h5py (tools/HostileFiles/make_sparse_fuzz_seed.py), kept here gzipped and
/// base64-encoded (2624 bytes as a file).</remarks>
internal static class FuzzSparseV73Seed
{
    private const string GzipBase64 =
        "H4sIAAAAAAACA+1UTUsCQRiemd1sMIWNDkV0mEOHDhZGUddWVAyyIj10sl3dWRMWD+5GJkHnwIPQ3+indAj6Ef2FhMBmd2ZAB6UPDx30geXlefeZ93129p0pmuUTM0MOd/ZI0Sxvuw2PpshtqxEEtEmqdyS4piTTorYflGiduDedDvEpdXwyBYAEOi6COf4Vj4VsPhlfj8OQYAx0YET5iCOuGQgcxUe5rOGICEXsiviMZB5G79ZEfln0UHXli1wuVA8UyD77Oo94/ttmEoWceR7GS8ENEV/QqM5X5rEwZV/IJg4OFYRgi0fEEwtCFxNR5RpzGioNLI+UIXQ8jzRWisW+mHRd9JO5JUAiDuGwHwgc6np2QIE4FizLT5iGtHvhAQ09IAHSYn2SaTEoRnf/Vc2z/WjLViD3Lvet0Qx2D8acuNLpWRZGLjg2tfls/gXhfQfZn1fvO+Obdd3Y6PzL8dcVnR5TuDKXaNgHY7Ku6mNSfQOP+tAVvQTBv/Mh++vKd04EHq9T/abxz/ZtltCu1CzLsaqWy8gGWGxXnqye06v2GIefoN6uvFVf3Y/+4P0BJFJ6nulti1o1q870Hlj9AqoVZ3RACgAA";

    /// <summary>The seed file's bytes.</summary>
    public static byte[] Bytes()
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(GzipBase64)), CompressionMode.Decompress);
        using var file = new MemoryStream();
        gzip.CopyTo(file);
        return file.ToArray();
    }
}
