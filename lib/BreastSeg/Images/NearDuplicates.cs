using System.Numerics;
using BreastSeg.Samples;

namespace BreastSeg.Images;

/// <summary>
/// Cheap near-duplicate detection: a 256-bit difference hash per image (the image area-averaged to 16 rows x 17
/// columns; bit = whether each cell is darker than its right neighbour), so rescaled, recompressed or slightly
/// re-annotated copies hash alike; pairs within <see cref="DefaultMaxDistance"/> differing bits are reported.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Default largest Hamming distance (of 256 bits) for a pair to be reported.</summary>
    public const int DefaultMaxDistance = 16;

    private const int Rows = 16, Cols = 17;

    /// <summary>The difference hash of <paramref name="image"/> (4 x 64 bits).</summary>
    public static ulong[] Hash(GreyImage image)
    {
        var cells = GridResampler.AreaResample(image.ColumnMajor(), image.Height, image.Width, Rows, Cols);
        var hash = new ulong[Rows * (Cols - 1) / 64];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Cols - 1; c++)
            {
                int bit = r * (Cols - 1) + c;
                if (cells[r * Cols + c] < cells[r * Cols + c + 1]) hash[bit / 64] |= 1UL << (bit % 64);
            }
        return hash;
    }

    /// <summary>Bits in which two hashes differ.</summary>
    public static int Distance(ulong[] a, ulong[] b)
    {
        int d = 0;
        for (int k = 0; k < a.Length; k++) d += BitOperations.PopCount(a[k] ^ b[k]);
        return d;
    }

    /// <summary>Every pair (i &lt; j) of <paramref name="hashes"/> within <paramref name="maxDistance"/> bits, closest first.</summary>
    public static List<(int First, int Second, int Distance)> Pairs(IReadOnlyList<ulong[]> hashes, int maxDistance = DefaultMaxDistance)
    {
        var pairs = new List<(int, int, int)>();
        for (int i = 0; i < hashes.Count; i++)
            for (int j = i + 1; j < hashes.Count; j++)
            {
                int d = Distance(hashes[i], hashes[j]);
                if (d <= maxDistance) pairs.Add((i, j, d));
            }
        return pairs.OrderBy(p => p.Item3).ThenBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
    }
}
