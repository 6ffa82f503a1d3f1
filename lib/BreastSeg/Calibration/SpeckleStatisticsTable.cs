using System.Globalization;
using System.Text;
using Deedle;
using BreastSeg.Rf;

namespace BreastSeg.Calibration;

/// <summary>One statistic of one source in a <see cref="SpeckleStatisticsTable"/>.</summary>
/// <param name="Source">Name of the frame ("phant1.rf frame 0", "simulated, 256 lines").</param>
/// <param name="Statistic">Statistic name ("envelope SNR", "axial autocovariance FWHM", ...).</param>
/// <param name="Unit">Unit ("um", "mm", "MHz", "bits", "" for ratios).</param>
/// <param name="Median">Median over the kept blocks of the frame.</param>
/// <param name="BandMin">Smallest depth-band median.</param>
/// <param name="BandMax">Largest depth-band median.</param>
/// <param name="BlocksKept">Blocks counted as homogeneous speckle.</param>
/// <param name="BlocksTotal">Candidate blocks.</param>
public sealed record SpeckleTableRow(string Source, string Statistic, string Unit, double Median, double BandMin, double BandMax, int BlocksKept, int BlocksTotal);

/// <summary>Speckle statistics of several frames side by side (real beside simulated), for notebooks and reports.</summary>
public sealed class SpeckleStatisticsTable
{
    private readonly List<(string Source, SpeckleStatisticsResult Result)> _sources = [];

    /// <summary>Measures each frame with the same options.</summary>
    public static SpeckleStatisticsTable Measure(IEnumerable<(string Source, RfFrame Frame)> frames, SpeckleStatisticsOptions? options = null)
    {
        var table = new SpeckleStatisticsTable();
        foreach (var (source, frame) in frames) table.Add(source, SpeckleStatistics.Measure(frame, options));
        return table;
    }

    /// <summary>Adds a measured frame.</summary>
    public SpeckleStatisticsTable Add(string source, SpeckleStatisticsResult result)
    {
        _sources.Add((source, result));
        return this;
    }

    /// <summary>The measured frames, in the order added.</summary>
    public IReadOnlyList<(string Source, SpeckleStatisticsResult Result)> Sources => _sources;

    /// <summary>One row per source and statistic.</summary>
    public IReadOnlyList<SpeckleTableRow> Rows => _sources.SelectMany(s => RowsOf(s.Source, s.Result)).ToList();

    /// <summary>The rows as a Deedle data frame (columns Source, Statistic, Unit, Median, BandMin, BandMax, BlocksKept, BlocksTotal).</summary>
    public Frame<int, string> ToFrame() => Frame.FromRecords(Rows);

    /// <summary>A Markdown table: one row per statistic, one column per source, "median (band min-max)".</summary>
    public string ToMarkdown()
    {
        var rows = Rows;
        var sources = _sources.Select(s => s.Source).ToList();
        var sb = new StringBuilder();
        sb.Append("| statistic | ").AppendJoin(" | ", sources).AppendLine(" |");
        sb.Append("|---|").Append(string.Concat(sources.Select(_ => "---|"))).AppendLine();
        foreach (var group in rows.GroupBy(r => (r.Statistic, r.Unit)))
        {
            sb.Append("| ").Append(group.Key.Statistic).Append(group.Key.Unit.Length > 0 ? $" ({group.Key.Unit})" : "");
            foreach (string source in sources)
            {
                var r = group.FirstOrDefault(x => x.Source == source);
                sb.Append(" | ").Append(r is null ? "" : $"{F(r.Median)} ({F(r.BandMin)}-{F(r.BandMax)})");
            }
            sb.AppendLine(" |");
        }
        sb.Append("| blocks kept | ").AppendJoin(" | ", _sources.Select(s => $"{s.Result.Blocks.Count(b => b.Kept)} of {s.Result.Blocks.Count}")).AppendLine(" |");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToMarkdown();

    private static IEnumerable<SpeckleTableRow> RowsOf(string source, SpeckleStatisticsResult result)
    {
        var median = result.Median;
        int kept = result.Blocks.Count(b => b.Kept), total = result.Blocks.Count;
        SpeckleTableRow Row(string name, string unit, Func<SpeckleMeasures, double> f)
        {
            var (min, max) = result.BandRange(f);
            return new SpeckleTableRow(source, name, unit, median is null ? double.NaN : f(median), min, max, kept, total);
        }
        yield return Row("envelope SNR", "", m => m.EnvelopeSnr);
        yield return Row("Nakagami m (region)", "", m => m.NakagamiM);
        yield return Row("Nakagami map mean", "", m => m.NakagamiMapMean);
        var windows = result.Options.EntropyWindows;
        for (int w = 0; w < windows.Count; w++)
        {
            int k = w;
            string pixels = result.Blocks[0].Measures.Entropy[k].Pixels.ToString();
            yield return Row($"entropy mean, {windows[k]} ({pixels} px)", "bits", m => m.Entropy[k].Mean);
            yield return Row($"entropy spread (std), {windows[k]} ({pixels} px)", "bits", m => m.Entropy[k].Std);
        }
        yield return Row("axial autocovariance FWHM", "um", m => m.AxialFwhmUm);
        yield return Row("lateral autocovariance FWHM", "mm", m => m.LateralFwhmMm);
        yield return Row("RF spectral peak", "MHz", m => m.SpectralPeakMHz);
        yield return Row("RF spectral centroid", "MHz", m => m.SpectralCentroidMHz);
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString(Math.Abs(v) >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture) : "-";
}
