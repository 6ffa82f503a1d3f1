using BreastSeg.Rf;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Rf;

/// <summary>Synthetic cases in the OASBUD layout.</summary>
internal static class OasbudTestData
{
    /// <summary>A case with two views of random RF (beyond int16 range and with exact halves, to test rounding and
    /// clipping) and an elliptical mask.</summary>
    public static RfCase Case(int index, int samples, int lines, Random rng, bool malignant, string birads = "4a", string? id = null)
    {
        var views = new List<RfView>();
        for (int v = 0; v < 2; v++)
        {
            int rows = samples + v, cols = lines - v;
            var rf = new double[rows * cols];
            for (int i = 0; i < rf.Length; i++)
                rf[i] = (i % 11) switch { 0 => 40000, 1 => -40000, 2 => 2.5, 3 => -2.5, _ => (rng.NextDouble() - 0.5) * 3000 };
            var mask = new bool[rows * cols];
            for (int c = 0; c < cols; c++)
                for (int r = 0; r < rows; r++)
                    mask[c * rows + r] = Math.Pow((r - rows / 2.0) / (rows / 3.0), 2) + Math.Pow((c - cols / 2.0) / (cols / 3.0), 2) < 1;
            views.Add(new RfView(new RfFrame(rows, cols, rf), new LesionMask(rows, cols, mask)));
        }
        return new RfCase(index, id ?? $"id{index}", views, birads, malignant ? 1 : 0, malignant);
    }

    public static List<RfCase> Cases(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Case(i, 20 + 3 * i, 12 + i, rng, malignant: i % 3 != 0, birads: i % 2 == 0 ? "4a" : "5")).ToList();
    }

    /// <summary>The `data` struct of an OASBUD-layout file with one field of one case replaced.</summary>
    public static MatStruct WithField(MatStruct data, int element, string field, MatValue? value)
    {
        var fields = data.FieldNames.Where(f => value is not null || f != field).ToList();
        var values = new List<MatValue>();
        for (int e = 0; e < data.Count; e++)
            foreach (string f in fields) values.Add(e == element && f == field ? value! : data[e, f]);
        return new MatStruct(data.Dimensions, fields, values);
    }

    /// <summary>What the writer stores for an RF sample: rounded half away from zero, clipped to int16.</summary>
    public static short StoredRf(double x) => (short)Math.Clamp(Math.Round(x, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
}
