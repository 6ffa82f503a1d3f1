namespace BreastSeg.Rf.Mat;

/// <summary>Where a numeric array that a deferring read left in its file is stored, so that it can be read again on
/// its own (<see cref="MatFile.DeferredArrays"/>).</summary>
/// <param name="What">The array's name in messages (for example "variable 'data'(3).rf1").</param>
internal abstract record StoredArrayLocation(string What)
{
    /// <summary>A key that sorts locations in the order a reader passes them in the file (reading several arrays in
    /// that order avoids going back, which in a compressed Level-5 element means inflating it again).</summary>
    public abstract (long, long) FileOrder { get; }
}
