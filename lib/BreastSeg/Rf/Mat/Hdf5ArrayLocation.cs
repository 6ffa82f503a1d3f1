using PureHDF.VOL.Native;

namespace BreastSeg.Rf.Mat;

/// <summary>Where a numeric array of a MAT v7.3 file is stored: the object reference a struct array or cell holds for
/// it (<see cref="Hdf5Reader.Deferred"/>).</summary>
/// <param name="Reference">The element's object reference.</param>
/// <param name="Order">Its position among the deferred arrays, in the order the deferring read met them.</param>
/// <param name="What">The array's name in messages.</param>
internal sealed record Hdf5ArrayLocation(NativeObjectReference1 Reference, long Order, string What) : StoredArrayLocation(What)
{
    /// <inheritdoc />
    public override (long, long) FileOrder => (Order, 0);
}
