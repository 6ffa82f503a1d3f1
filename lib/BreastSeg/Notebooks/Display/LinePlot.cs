using System.Globalization;
using System.Net;
using System.Text;

namespace BreastSeg.Notebooks.Display;

/// <summary>
/// A small offline line plot for notebooks (an RF line and its envelope against depth, a loss curve): inline SVG,
/// no JavaScript, so it renders in VS Code, Jupyter and on GitHub alike. Interactive figures use Plotly.NET.
/// </summary>
/// <param name="Title">Title above the plot.</param>
/// <param name="XLabel">x axis label with unit, for example "depth (mm)".</param>
/// <param name="YLabel">y axis label with unit.</param>
public sealed record LinePlot(string Title, string XLabel, string YLabel)
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];
    private readonly List<(string Name, double[] X, double[] Y)> _series = [];

    /// <summary>Adds a series (same length x and y); returns the plot, for chaining.</summary>
    public LinePlot Add(string name, double[] x, double[] y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"series {name}: {x.Length} x values but {y.Length} y values", nameof(y));
        _series.Add((name, x, y));
        return this;
    }

    /// <summary>The plot as an HTML fragment (inline SVG).</summary>
    public string ToHtml(int width = 640, int height = 260)
    {
        var inv = CultureInfo.InvariantCulture;
        const int left = 64, right = 110, top = 24, bottom = 40;
        int w = width - left - right, h = height - top - bottom;
        var xs = _series.SelectMany(s => s.X).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var ys = _series.SelectMany(s => s.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double x0 = xs.Min(), x1 = xs.Max() > x0 ? xs.Max() : x0 + 1, y0 = ys.Min(), y1 = ys.Max() > y0 ? ys.Max() : y0 + 1;
        double px(double x) => left + (x - x0) / (x1 - x0) * w;
        double py(double y) => top + h - (y - y0) / (y1 - y0) * h;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(inv, $"<text x=\"{left + w / 2}\" y=\"15\" text-anchor=\"middle\" font-size=\"13\">{Esc(Title)}</text>");
        svg.Append(inv, $"<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#444\"/>");
        foreach (double t in MapImage.Ticks(x0, x1))
            svg.Append(inv, $"<line x1=\"{px(t):0.#}\" y1=\"{top + h}\" x2=\"{px(t):0.#}\" y2=\"{top + h + 4}\" stroke=\"#444\"/><text x=\"{px(t):0.#}\" y=\"{top + h + 15}\" text-anchor=\"middle\">{t:G4}</text>");
        foreach (double t in MapImage.Ticks(y0, y1))
            svg.Append(inv, $"<line x1=\"{left - 4}\" y1=\"{py(t):0.#}\" x2=\"{left}\" y2=\"{py(t):0.#}\" stroke=\"#444\"/><text x=\"{left - 6}\" y=\"{py(t) + 4:0.#}\" text-anchor=\"end\">{t:G4}</text>");
        svg.Append(inv, $"<text x=\"{left + w / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">{Esc(XLabel)}</text>");
        svg.Append(inv, $"<text transform=\"translate(14,{top + h / 2}) rotate(-90)\" text-anchor=\"middle\">{Esc(YLabel)}</text>");
        for (int k = 0; k < _series.Count; k++)
        {
            var (name, x, y) = _series[k];
            string colour = Palette[k % Palette.Length];
            var points = new StringBuilder();
            for (int i = 0; i < x.Length; i++)
                if (double.IsFinite(x[i]) && double.IsFinite(y[i])) points.Append(inv, $"{px(x[i]):0.##},{py(y[i]):0.##} ");
            svg.Append(inv, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1\" points=\"{points}\"/>");
            svg.Append(inv, $"<line x1=\"{left + w + 10}\" y1=\"{top + 10 + 16 * k}\" x2=\"{left + w + 28}\" y2=\"{top + 10 + 16 * k}\" stroke=\"{colour}\" stroke-width=\"2\"/><text x=\"{left + w + 32}\" y=\"{top + 14 + 16 * k}\">{Esc(name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Title and series names.</summary>
    public override string ToString() => $"{Title}: {string.Join(", ", _series.Select(s => $"{s.Name} ({s.X.Length} points)"))}";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
