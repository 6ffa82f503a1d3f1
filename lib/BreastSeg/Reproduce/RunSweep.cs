using System.Globalization;
using System.Text;
using BreastSeg.Figures;
using BreastSeg.IO;
using BreastSeg.Maps;
using BreastSeg.Rf;
using BreastSeg.Samples;

namespace BreastSeg.Reproduce;

/// <summary>
/// The entropy sweep of a reproduce run: candidate windows, bin counts and normalisations scored by lesion/3-mm-ring
/// separability (<see cref="EntropySweep"/>) on the run's training and validation cases only (never its test cases),
/// saved in the results folder (sweep.json, sweep.md, choice.json) and in the report beside the setting the run used.
/// The run's models keep the defaults (frozen before training); the sweep records whether the cohort's own
/// training/validation data would choose the same. A finished sweep of the same data, cases and candidates is reused.
/// </summary>
public static class RunSweep
{
    /// <summary>The sweep options of <paramref name="config"/> (envelope input, fixed bin counts and Freedman-Diaconis).</summary>
    public static EntropySweepOptions OptionsOf(ReproduceConfig config) => new()
    {
        Windows = config.SweepWindows.Select(MapWindow.PulseLengths).ToArray(),
        Bins = config.SweepBins.Select(b => new EntropyBinChoice(EntropyBinRule.Fixed, b))
            .Append(new EntropyBinChoice(EntropyBinRule.FreedmanDiaconis, 0)).ToArray(),
        Normalizations = config.SweepNormalizations,
        LogCompressed = [config.MapOptions().LogCompressed],
        Nakagami = false,
        NetworkSize = config.Experiment.Size,
        Maps = config.MapOptions(),
    };

    /// <summary>Runs (or reuses) the sweep on the first <see cref="ReproduceConfig.SweepCases"/> training and
    /// validation cases of <paramref name="split"/>; null when the run asks for none.</summary>
    public static EntropySweepResult? Run(ReproduceConfig config, OasbudDataset cohort, CaseSplit split, string folder,
        IReproduceProgress progress, CancellationToken cancel)
    {
        if (config.SweepCases == 0 || config.SweepWindows.Length == 0) return null;
        var cases = split.Train.Concat(split.Validation).Order().Take(config.SweepCases).ToArray();
        if (cases.Length == 0) return null;
        var options = OptionsOf(config);
        string selection = $"the first {cases.Length} training/validation cases (by index) of the run's split";
        string key = string.Join("\n", DataFingerprint.OfFile(cohort.Path), string.Join(",", cases),
            System.Text.Json.JsonSerializer.Serialize(options, EntropySweepResult.Json));
        string keyPath = Path.Combine(folder, "sweep.key");
        string jsonPath = Path.Combine(folder, "sweep.json");
        if (File.Exists(keyPath) && File.Exists(jsonPath) && File.ReadAllText(keyPath) == key)
        {
            progress.Note($"sweep: reusing {jsonPath}");
            return System.Text.Json.JsonSerializer.Deserialize<EntropySweepResult>(File.ReadAllText(jsonPath), EntropySweepResult.Json);
        }
        var task = progress.Begin($"entropy sweep ({options.Settings().Count()} settings, {cases.Length} training/validation cases)", 2 * cases.Length);
        var result = EntropySweep.Run(cohort, cases, selection, options, new InlineProgress<int>(v => task.Report(v)), cancel);
        task.Complete();
        result.Save(folder);
        AtomicFile.WriteAllText(keyPath, key);
        return result;
    }

    /// <summary>
    /// The run's entropy window in pixels and millimetres, and what a "pulse length" is: the pulse of the probe the
    /// file records (<see cref="Acquisition.CenterFrequencyHz"/>, <see cref="Acquisition.FractionalBandwidth"/>), the
    /// same nominal 10 MHz / 70 % for OASBUD and for the simulated files. The simulated pulse-echo spectrum is lower and
    /// narrower (calibrated to real L14-5/38 speckle), so when <paramref name="simulatedPulse"/> is given the window is
    /// also stated in its pulse lengths.
    /// </summary>
    public static string WindowDescription(MapOptions used, Acquisition acquisition, int lines, (double CenterHz, double Bandwidth)? simulatedPulse)
    {
        var px = used.EntropyWindow(acquisition, lines);
        double pl = PulseLength.Mm(acquisition, used.PulseLevelDb);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Entropy window of this run: {used.Window} = {px.Samples} x {px.Lines} pixels = {px.Samples * acquisition.AxialSpacingMm:F2} mm x {px.Lines * acquisition.LinePitchMm(lines):F2} mm. ");
        sb.Append(CultureInfo.InvariantCulture,
            $"A pulse length is that of the probe pulse the file records ({acquisition.CenterFrequencyHz / 1e6:0.#} MHz, {acquisition.FractionalBandwidth:P0} bandwidth, delimited {used.PulseLevelDb:0} dB below the envelope peak: {pl:F3} mm), as for OASBUD files");
        if (simulatedPulse is { } sim)
        {
            double simPl = PulseLength.Mm(sim.CenterHz, sim.Bandwidth, acquisition.SoundSpeed, used.PulseLevelDb);
            sb.Append(CultureInfo.InvariantCulture,
                $"; the simulated pulse-echo spectrum ({sim.CenterHz / 1e6:0.#} MHz, {sim.Bandwidth:P0}, calibrated to real L14-5/38 speckle) has a {simPl:F3} mm pulse, so the window spans {px.Samples * acquisition.AxialSpacingMm / simPl:F1} of its pulse lengths axially");
        }
        return sb.Append(".\n").ToString();
    }

    /// <summary>The report's section: the table, the choice and whether the run's setting is the chosen one.</summary>
    public static ReportSection Section(EntropySweepResult sweep, MapOptions used, string windowDescription)
    {
        var usedSetting = EntropySetting.Of(used);
        var sb = new StringBuilder(windowDescription).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"Candidate entropy settings scored on {sweep.Cases.Length} training/validation cases ({sweep.Cases.Length * 2} views; test cases are never used), ");
        sb.Append("by the median over views of the lesion vs 3-mm-ring contrast-to-noise ratio at full resolution and on the network grid. ");
        sb.Append(CultureInfo.InvariantCulture, $"Rule: {sweep.Rule}. Chosen: **{sweep.Chosen.Label}**; this run's models use **{usedSetting.Label}**");
        bool same = sweep.Chosen == usedSetting;
        sb.Append(same ? " (the same).\n\n" : " (the defaults, frozen before training; the sweep on this cohort would choose otherwise, see the table).\n\n");
        if (sweep.ChosenWithMillerMadow is { } mm)
            sb.Append(CultureInfo.InvariantCulture, $"With the Miller-Madow correction the chosen setting scores CNR {mm.CnrFull:F2} at full resolution and {mm.CnrNetwork:F2} on the network grid.\n\n");
        sb.Append(sweep.ToMarkdown()).Append('\n');
        sb.Append("Files: `sweep/sweep.md`, `sweep/sweep.json`, `sweep/choice.json`.\n");
        return new ReportSection("Entropy sweep (training/validation cases)", sb.ToString());
    }
}
