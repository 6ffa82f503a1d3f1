using PureHDF.VOL.Native;

namespace BreastSeg.Rf.Mat;

/// <summary>Where a numeric array of a MAT v7.3 file is stored: the object reference a struct array or cell holds for
/// it (<see cref="Hdf5Reader.Deferred"/>).</summary>
/// <param name="Reference">The element's object reference.</param>
/// <param name="What">The array's name in messages.</param>
internal sealed record Hdf5ArrayLocation(NativeObjectReference1 Reference, string What) : StoredArrayLocation(What)
{
    /// <inheritdoc />
    /// <remarks>Each array is reached through its own reference, so no order of reading costs more than another: all
    /// sort alike (and a stable sort keeps them as asked for).</remarks>
    public override (long, long) FileOrder => (0, 0);
}
