namespace BreastSeg.Rf.Mat;

/// <summary>Where a numeric array of a MAT Level-5 file is stored, so it can be read again without the rest of the
/// file (<see cref="Level5Reader.ReadDeferred"/>).</summary>
/// <param name="ElementAt">File offset of the top-level element holding the array.</param>
/// <param name="CompressedBytes">Compressed bytes of that element when it is miCOMPRESSED, -1 when it is a plain
/// miMATRIX element.</param>
/// <param name="Offset">Start of the array's miMATRIX content (after its tag): a file offset in a plain element, an
/// offset in the inflated data of a compressed one.</param>
/// <param name="Bytes">Content bytes of the array's miMATRIX element.</param>
/// <param name="What">The array's name in messages (for example "variable 'data'(3).rf1").</param>
internal sealed record Level5ArrayLocation(long ElementAt, long CompressedBytes, long Offset, long Bytes, string What) : StoredArrayLocation(What)
{
    /// <inheritdoc />
    public override (long, long) FileOrder => (ElementAt, Offset);
}
