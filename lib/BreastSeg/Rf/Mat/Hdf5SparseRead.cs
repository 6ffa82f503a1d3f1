using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PureHDF.Selections;

namespace BreastSeg.Rf.Mat;

/// <summary>
/// Reads a chunked dataset with unwritten chunks whole: the array is allocated once in its MATLAB class, filled with
/// the fill value by a span fill, and only the written chunks are read (one PureHDF hyperslab each) and converted into
/// their place, where PureHDF's read of the whole dataspace fills every unwritten chunk element by element.
/// </summary>
internal static class Hdf5SparseRead
{
    /// <summary>
    /// The dataset's values in column-major (MATLAB) order, of the element type of <paramref name="fill"/> (a
    /// one-element array of the result's class holding the value an unwritten element reads as).
    /// <paramref name="read"/> returns one hyperslab's stored values (any numeric element type), row-major; they are
    /// converted as <see cref="StoredDataConverter"/> converts stored data. Null when the dataset has more elements
    /// than a .NET array holds (left to PureHDF's path, which refuses it).
    /// </summary>
    public static Array? Read(Hdf5SparseLayout layout, Array fill, Func<HyperslabSelection, Array> read)
    {
        if (layout.ElementCount > Array.MaxLength) return null;
        var target = Array.CreateInstance(fill.GetType().GetElementType()!, (int)layout.ElementCount);
        Fill(target, fill);
        var strides = layout.Strides();
        int rank = layout.Dimensions.Length;
        foreach (var chunk in layout.Chunks)
        {
            var extent = layout.Extent(chunk);
            var stored = read(layout.Selection(chunk));
            var storedClass = MatTypes.ClassOfElementType(stored.GetType().GetElementType()!)!.Value;
            int size = MatTypes.ElementSize(storedClass), miType = (int)MatElementTags.ForClass(storedClass);
            var bytes = MemoryMarshal.CreateReadOnlySpan(ref MatTypes.DataReference(stored), stored.Length * size);
            // Runs contiguous in the array: the chunk's extent along the slowest dimension `along` of those whose
            // faster dimensions the chunk spans whole.
            int along = rank - 1;
            while (along > 0 && extent[along] == layout.Dimensions[along]) along--;
            int run = (int)(stored.Length / RowCount(extent, along));
            var index = new ulong[along];
            for (int source = 0; source < stored.Length; source += run)
            {
                long position = (long)chunk.Offset[along] * strides[along];
                for (int d = 0; d < along; d++) position += (long)(chunk.Offset[d] + index[d]) * strides[d];
                StoredDataConverter.Convert(bytes.Slice(source * size, run * size), miType, target, (int)position);
                // The next run: the index over the dimensions slower than `along`, last one fastest.
                for (int d = along - 1; d >= 0 && ++index[d] == extent[d]; d--) index[d] = 0;
            }
        }
        return target;
    }

    private static long RowCount(ulong[] extent, int along)
    {
        long rows = 1;
        for (int d = 0; d < along; d++) rows *= (long)extent[d];
        return rows;
    }

    /// <summary>Sets every element of <paramref name="target"/> to the one element of <paramref name="value"/> (same
    /// element type), as a fill of its bit pattern; a fresh array is already all zero bits.</summary>
    private static void Fill(Array target, Array value)
    {
        int size = Buffer.ByteLength(value);
        ref byte data = ref MatTypes.DataReference(target);
        ref byte one = ref MatTypes.DataReference(value);
        int length = target.Length;
        switch (size)
        {
            case 1 when one != 0: MemoryMarshal.CreateSpan(ref data, length).Fill(one); break;
            case 2: Fill(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, ushort>(ref data), length), Unsafe.As<byte, ushort>(ref one)); break;
            case 4: Fill(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, uint>(ref data), length), Unsafe.As<byte, uint>(ref one)); break;
            case 8: Fill(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, ulong>(ref data), length), Unsafe.As<byte, ulong>(ref one)); break;
        }
    }

    private static void Fill<T>(Span<T> target, T value) where T : unmanaged, IEquatable<T>
    {
        if (!value.Equals(default)) target.Fill(value);
    }
}
