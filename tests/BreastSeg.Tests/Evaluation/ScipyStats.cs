using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BreastSeg.Tests.Evaluation;

/// <summary>scipy.stats as the independent reference for the paired statistics (runs /usr/bin/python3; tests using it
/// are <see cref="BreastSeg.Tests.Rf.ScipyFactAttribute"/>s, skipped where scipy is missing).</summary>
internal static class ScipyStats
{
    // Reads {"a": [...], "b": [...], "seed": s} on stdin; prints the Wilcoxon test of b - a (scipy defaults), the
    // percentile-bootstrap CI of the mean difference, and the Hodges-Lehmann estimate from numpy (all Walsh averages).
    private const string Script = """
import sys, json
import numpy as np
from scipy import stats
q = json.load(sys.stdin)
a = np.array(q["a"], dtype=float); b = np.array(q["b"], dtype=float); d = b - a
w = stats.wilcoxon(b, a)
ci = stats.bootstrap((d,), np.mean, n_resamples=20000, method="percentile", confidence_level=0.95,
                     random_state=np.random.default_rng(q["seed"])).confidence_interval
i, j = np.triu_indices(len(d))
print(json.dumps({"statistic": float(w.statistic), "p": float(w.pvalue), "low": float(ci.low), "high": float(ci.high),
                  "hl": float(np.median((d[i] + d[j]) / 2)), "mean": float(d.mean())}))
""";

    public sealed record Reference(double Statistic, double P, double Low, double High, double HodgesLehmann, double Mean);

    public static Reference Paired(IReadOnlyList<double> a, IReadOnlyList<double> b, int seed)
    {
        string script = Path.Combine(Path.GetTempPath(), $"breastseg-scipy-stats-{Environment.ProcessId}.py");
        File.WriteAllText(script, Script);
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        using var p = Process.Start(info)!;
        p.StandardInput.Write(JsonSerializer.Serialize(new { a, b, seed }));
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000)) { p.Kill(); throw new TimeoutException("scipy helper timed out"); }
        if (p.ExitCode != 0) throw new InvalidOperationException("scipy helper failed: " + stderr.Result);
        var json = JsonDocument.Parse(output).RootElement;
        double D(string name) => json.GetProperty(name).GetDouble();
        return new Reference(D("statistic"), D("p"), D("low"), D("high"), D("hl"), D("mean"));
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
