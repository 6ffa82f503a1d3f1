using System.Net;
using BreastSeg.Maps;
using BreastSeg.Notebooks.Display;
using BreastSeg.Rf;
using BreastSeg.Rf.Ultrasonix;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace BreastSeg.Notebooks;

/// <summary>
/// How the kit's types look in a notebook: frames, views, masks and maps as images in mm, tensors as a one-line summary.
/// Plotly.NET charts as <see cref="NotebookChart"/> HTML, drawn with the plotly.js that the setup cell's output carries
/// (<see cref="NotebookSession"/>), never a CDN: Plotly.NET's own formatter is not picked up for a #r of a dll in the
/// pinned kernel (charts showed as an object tree), and its chart HTML loads plotly.js from a CDN.
/// </summary>
internal static class Formatters
{
    private const string Html = "text/html";
    private const string Plain = "text/plain";

    public static void Register()
    {
        Formatter.Register<MapImage>(m => m.ToHtml(), Html);
        Formatter.Register<MapImage>(m => m.ToString(), Plain);
        Formatter.Register<RfFrame>(f => Figure(Describe(f), MapImage.Rf(f)), Html);
        Formatter.Register<RfFrame>(Describe, Plain);
        Formatter.Register<RfView>(v => Figure(Describe(v.Frame) + $", lesion {v.Mask.Area} px", MapImage.Rf(v.Frame) with { Mask = v.Mask }), Html);
        Formatter.Register<RfView>(v => Describe(v.Frame) + $", lesion {v.Mask.Area} px", Plain);
        Formatter.Register<LesionMask>(m => $"lesion mask {m.Samples} x {m.Lines}, {m.Area} px inside", Plain);
        Formatter.Register<LesionMask>(m => Figure($"lesion mask {m.Samples} x {m.Lines}, {m.Area} px inside (OASBUD geometry)",
            MapImage.OfMask(m, new RfFrame(m.Samples, m.Lines, new double[m.Data.Length]))), Html);
        Formatter.Register<MapSet>(FormatMapSet, Html);
        Formatter.Register<ImageRow>(r => r.ToHtml(), Html);
        Formatter.Register<ImageRow>(r => r.ToString(), Plain);
        Formatter.Register<UltrasonixImage>(i => MapImage.OfScannerImage(i).ToHtml(), Html);
        Formatter.Register<UltrasonixImage>(i => MapImage.OfScannerImage(i).ToString(), Plain);
        Formatter.Register<LinePlot>(p => p.ToHtml(), Html);
        Formatter.Register<LinePlot>(p => p.ToString(), Plain);
        Formatter.Register<Tensor>(TensorSummary.Describe, Plain);
        Formatter.Register<Tensor>(t => $"<code>{WebUtility.HtmlEncode(TensorSummary.Describe(t))}</code>", Html);
        Formatter.Register<NotebookSession>(s => $"<div>{WebUtility.HtmlEncode(s.ToString())}</div>{Figures.PlotlyJs.GlobalScript}", Html);
        Formatter.Register<NotebookSession>(s => s.ToString(), Plain);
        Formatter.Register<Plotly.NET.GenericChart>(c => NotebookChart.Html(c), Html);
        Formatter.Register<NotebookChart>(c => c.ToHtml(), Html);
        Formatter.Register<NotebookChart>(_ => "Plotly.NET chart (shown as HTML)", Plain);
        // The default plain text is the chart's whole object tree (100 kB for an image figure).
        Formatter.Register<Plotly.NET.GenericChart>(_ => "Plotly.NET chart (shown as HTML)", Plain);
        // Tensors made in notebook code may come from the script loader's own copy of TorchSharp, not the kit's.
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => RegisterForeignTensor(e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) RegisterForeignTensor(assembly);
        foreach (var type in new[] { typeof(MapImage), typeof(RfFrame), typeof(RfView), typeof(LesionMask), typeof(MapSet), typeof(ImageRow), typeof(UltrasonixImage), typeof(LinePlot), typeof(Tensor), typeof(NotebookSession), typeof(Plotly.NET.GenericChart), typeof(NotebookChart) })
            Formatter.SetPreferredMimeTypesFor(type, Html, Plain);
    }

    private static void RegisterForeignTensor(System.Reflection.Assembly assembly)
    {
        if (assembly.GetName().Name != "TorchSharp" || assembly == typeof(Tensor).Assembly) return;
        if (assembly.GetType("TorchSharp.torch+Tensor") is not { } type) return;
        Formatter.Register(type, (o, w) => w.Write(TensorSummary.DescribeForeign(o)), Plain);
        Formatter.Register(type, (o, w) => w.Write($"<code>{WebUtility.HtmlEncode(TensorSummary.DescribeForeign(o))}</code>"), Html);
        Formatter.SetPreferredMimeTypesFor(type, Html, Plain);
    }

    private static string Describe(RfFrame f) =>
        FormattableString.Invariant($"RF frame {f.Samples} samples x {f.Lines} lines, {f.Samples * f.AxialSpacingMm:0.#} mm deep x {f.Lines * f.LinePitchMm:0.#} mm wide, fs {f.Acquisition.SamplingFrequencyHz / 1e6:0.#} MHz, f0 {f.Acquisition.CenterFrequencyHz / 1e6:0.#} MHz");

    private static string Figure(string caption, params MapImage[] images) => new ImageRow(caption, images).ToHtml();

    // A MapSet carries no acquisition: show it on the OASBUD geometry (40 MHz, 38 mm aperture), which the caption says.
    private static string FormatMapSet(MapSet set)
    {
        var frame = new RfFrame(set.Samples, set.Lines, new double[(long)set.Samples * set.Lines]);
        var images = new List<MapImage>();
        if (set.Envelope is { } env) images.Add(MapImage.Of(frame, env, "envelope", "RF units"));
        if (set.BMode is { } b) images.Add(MapImage.Of(frame, b, "B-mode", "[0, 1]") with { Min = 0, Max = 1 });
        if (set.Entropy is { } h) images.Add(MapImage.Of(frame, h, "entropy", "bits", Colormap.Viridis));
        if (set.Nakagami is { } m) images.Add(MapImage.Of(frame, m, "Nakagami m", "", Colormap.Viridis));
        return Figure($"maps {set.Samples} x {set.Lines} (OASBUD geometry)", images.ToArray());
    }
}
