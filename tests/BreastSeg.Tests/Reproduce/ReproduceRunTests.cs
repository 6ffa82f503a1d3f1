using System.Globalization;
using System.Text.Json;
using BreastSeg.Cli;
using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.IO;
using BreastSeg.Reproduce;
using BreastSeg.Samples;
using BreastSeg.Training;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Reproduce;

/// <summary>One tiny run of the whole study (shared by the tests of this class), then a re-run that must continue
/// instead of redoing finished work.</summary>
public sealed class ReproduceRunFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "breastseg-reproduce-" + Guid.NewGuid().ToString("N"));
    public string Out => Path.Combine(Root, "out");
    public string Data => Path.Combine(Root, "data");
    public ReproduceResult First { get; }
    public ReproduceResult Second { get; }
    public List<string> SecondNotes { get; } = [];
    /// <summary>The last run (the tiny preset with 8 bins): the files left in <see cref="Out"/> are its.</summary>
    public ReproduceResult Third { get; }
    public ReproduceConfig ThirdConfig { get; } = ReproduceConfig.Tiny with
    {
        Experiment = ReproduceConfig.Tiny.Experiment with { Maps = ReproduceConfig.Tiny.Experiment.Maps with { Bins = 8 } },
        Controls = [BreastSeg.Simulation.Phantom.MassContrast.Null],
    };
    public List<string> ThirdNotes { get; } = [];
    /// <summary>The third run again: everything, controls and sweep included, must be reused.</summary>
    public ReproduceResult Fourth { get; }
    public List<string> FourthNotes { get; } = [];

    public ReproduceRunFixture()
    {
        First = ReproducePipeline.Run(ReproduceConfig.Tiny, Out, Data, "test");
        Second = ReproducePipeline.Run(ReproduceConfig.Tiny, Out, Data, "test", new RecordingProgress(SecondNotes));
        Third = ReproducePipeline.Run(ThirdConfig, Out, Data, "test", new RecordingProgress(ThirdNotes));
        Fourth = ReproducePipeline.Run(ThirdConfig, Out, Data, "test", new RecordingProgress(FourthNotes));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private sealed class RecordingProgress(List<string> notes) : IReproduceProgress
    {
        public IReproduceTask Begin(string description, double total) => SilentProgress.Instance;
        public void Note(string line) => notes.Add(line);
    }
}

[Collection(SerialTorchCollection.Name)]
public class ReproduceRunTests(ReproduceRunFixture run, ITestOutputHelper output) : IClassFixture<ReproduceRunFixture>
{
    private static readonly string[] FigureNames =
        ["example-cases", "dice-distributions", "entropy-window-sweep", "entropy-window-sweep-heatmap", "entropy-window-slider", "training-curves", "attention-maps"];

    [Fact]
    public void Writes_the_configuration_and_a_split_by_case()
    {
        var config = JsonSerializer.Deserialize<ReproduceConfig>(File.ReadAllText(Path.Combine(run.Out, "config.json")), ReproduceConfig.Json)!;
        Assert.Equal(run.ThirdConfig.ToJson(), config.ToJson());
        var split = JsonSerializer.Deserialize<CaseSplit>(File.ReadAllText(Path.Combine(run.Out, "split.json")), ReproduceConfig.Json)!;
        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, ReproduceConfig.Tiny.CohortCases), all.Order());
        Assert.NotEmpty(split.Test);
    }

    [Fact]
    public void Every_model_is_evaluated_on_the_same_test_views_and_the_table_matches_the_per_case_files()
    {
        var split = JsonSerializer.Deserialize<CaseSplit>(File.ReadAllText(Path.Combine(run.Out, "split.json")), ReproduceConfig.Json)!;
        var table = File.ReadAllLines(Path.Combine(run.Out, "figures", PaperFigures.TableName + ".csv"));
        foreach (string input in ReproduceConfig.Tiny.Inputs)
        {
            string folder = Path.Combine(run.Out, "models", input);
            Assert.True(File.Exists(Path.Combine(folder, Trainer.BestModelFileName)));
            Assert.True(File.Exists(Path.Combine(folder, TrainingLog.FileName)));
            var results = EvaluationCsv.Read(Path.Combine(folder, "test-cases.csv"));
            Assert.Equal(split.Test.Order(), results.Select(r => r.CaseIndex).Distinct().Order());
            Assert.Equal(2 * split.Test.Length, results.Count);
            Assert.All(results, r => Assert.InRange(r.Dice, 0, 1));

            // source,data,model,masses,views,mean_dice,... ; this run's rows hold no quoted commas.
            string name = ResultTables.DisplayName(input);
            var row = table.Select(l => l.Split(',')).Single(c => c[0] == "this run" && c[2] == name);
            output.WriteLine(string.Join(",", row));
            // The count column is the number of test masses; the mean is over masses, each the mean of its views.
            var perMass = results.GroupBy(r => r.CaseIndex).Select(g => g.Select(r => r.Dice).Where(double.IsFinite).ToList())
                .Where(v => v.Count > 0).Select(v => v.Average()).ToList();
            Assert.Equal(split.Test.Length, int.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(perMass.Count, int.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(perMass.Average(), double.Parse(row[5], CultureInfo.InvariantCulture), 1e-12);
        }
    }

    [Fact]
    public void Figures_are_written_as_self_contained_html_and_png_where_a_browser_exists()
    {
        bool browser = ChromiumLocator.Find().ExecutablePath is not null;
        foreach (string name in FigureNames)
        {
            string html = Path.Combine(run.Out, "figures", name + ".html");
            Assert.True(File.Exists(html), html);
            Assert.Contains("Plotly.newPlot", File.ReadAllText(html));
            string png = Path.Combine(run.Out, "figures", name + ".png");
            Assert.Equal(browser, File.Exists(png));
            if (browser) Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);
        }
        Assert.True(File.Exists(Path.Combine(run.Out, "figures", PaperFigures.TableName + ".md")));
    }

    [Fact]
    public void The_report_says_what_ran_on_which_data_and_that_it_is_not_patient_data()
    {
        string report = File.ReadAllText(run.First.ReportPath);
        Assert.Contains(ReportWriter.SimulatedDisclaimer, report);
        Assert.Contains("0.60", report); // the study's entropy mean Dice, labelled as the study's
        foreach (var m in run.First.Table.Models) Assert.Contains(m.Model, report);
        Assert.Contains("figures/dice-distributions", report);
    }

    [Fact]
    public void A_rerun_continues_from_finished_work_and_gives_the_same_numbers()
    {
        Assert.Contains(run.SecondNotes, n => n.StartsWith("data: reusing", StringComparison.Ordinal));
        Assert.Contains(run.SecondNotes, n => n.StartsWith("maps: reusing", StringComparison.Ordinal));
        foreach (string input in ReproduceConfig.Tiny.Inputs)
            Assert.Contains($"model {input}: already trained", run.SecondNotes);
        Assert.Equal(run.First.Table.Models, run.Second.Table.Models);
    }

    [Fact]
    public void The_report_words_its_findings_and_limits_and_a_finished_run_feeds_the_controls_table()
    {
        string report = File.ReadAllText(run.Third.ReportPath);
        Assert.Contains("The unit is the mass", report);
        Assert.Contains("### What this run cannot show", report);
        Assert.Contains("These are simulated masses", report);
        foreach (string line in ResultsFindings.Shows(run.Third.Table)) Assert.Contains(line, report);

        var split = JsonSerializer.Deserialize<CaseSplit>(File.ReadAllText(Path.Combine(run.Out, "split.json")), ReproduceConfig.Json)!;
        var controls = ResultTables.ControlsFromRunFolders([("null (invisible masses)", run.Out)], seed: 1, resamples: 500);
        var only = Assert.Single(controls.Controls);
        Assert.Equal(ReproduceConfig.Tiny.Inputs.Length, only.Models.Count);
        Assert.All(only.Models, m => Assert.Equal(split.Test.Length, m.Cases));
        Assert.NotNull(only.Comparison);
        Assert.Throws<BreastSegInputException>(() => ResultTables.ControlsFromRunFolders([("x", run.Root)], 1));
    }

    [Fact]
    public void The_controls_run_beside_the_main_cohort_are_in_the_report_and_are_reused_on_a_rerun()
    {
        string control = Path.Combine(run.Out, "controls", "null", "models", "bmode");
        var manifest = RunManifest.Load(control);
        var main = RunManifest.Load(Path.Combine(run.Out, "models", "bmode"));
        Assert.NotEqual(main.Identity.DataFingerprint, manifest.Identity.DataFingerprint);
        Assert.Contains("-null.mat", manifest.DataLocation);
        var results = EvaluationCsv.Read(Path.Combine(control, "test-cases.csv"));
        Assert.Equal(manifest.Split.Test.Order(), results.Select(r => r.CaseIndex).Distinct().Order());

        string report = File.ReadAllText(run.Third.ReportPath);
        Assert.Contains("### Controls", report);
        Assert.Contains(ControlCohorts.Label(BreastSeg.Simulation.Phantom.MassContrast.Null), report);
        var csv = File.ReadAllLines(Path.Combine(run.Out, "controls", "controls.csv"));
        var row = Assert.Single(csv.Skip(1));
        Assert.Equal(manifest.Split.Test.Length, int.Parse(row.Split(',')[2], CultureInfo.InvariantCulture));

        Assert.Contains("model control null bmode: already trained", run.FourthNotes);
        Assert.Contains(run.FourthNotes, n => n.StartsWith("data: reusing", StringComparison.Ordinal) && n.EndsWith("-null.mat", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(run.Third.ReportPath).Split("## Figures")[0].Split("## Results")[1],
            File.ReadAllText(run.Fourth.ReportPath).Split("## Figures")[0].Split("## Results")[1]);
    }

    [Fact]
    public void The_entropy_sweep_scores_only_training_and_validation_cases_and_is_saved_and_reused()
    {
        var split = JsonSerializer.Deserialize<CaseSplit>(File.ReadAllText(Path.Combine(run.Out, "split.json")), ReproduceConfig.Json)!;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Out, "sweep", "sweep.json")));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.Equal(ReproduceConfig.Tiny.SweepCases, cases.Count);
        Assert.All(cases, c => Assert.Contains(c, split.Train.Concat(split.Validation)));
        Assert.DoesNotContain(cases, split.Test.Contains);
        Assert.True(File.Exists(Path.Combine(run.Out, "sweep", "choice.json")));
        Assert.Contains("### Entropy sweep (training/validation cases)", File.ReadAllText(run.Third.ReportPath));
        Assert.Contains(run.FourthNotes, n => n.StartsWith("sweep: reusing", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_model_records_the_threshold_chosen_on_its_validation_masses()
    {
        foreach (string input in ReproduceConfig.Tiny.Inputs)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Out, "models", input, "threshold.json")));
            double t = json.RootElement.GetProperty("Threshold").GetDouble();
            Assert.InRange(t, 0.05, 0.95);
            Assert.Equal(19, json.RootElement.GetProperty("Curve").GetArrayLength());
        }
        Assert.Contains("### Threshold", File.ReadAllText(run.Third.ReportPath));
    }

    [Fact]
    public void A_changed_bin_count_retrains_exactly_the_models_that_use_the_entropy_map()
    {
        Assert.Contains("model bmode: already trained", run.ThirdNotes);
        Assert.Contains("model entropy: retraining (Maps.Bins was 32, now 8)", run.ThirdNotes);
        Assert.Contains("model bmode+entropy: retraining (Maps.Bins was 32, now 8)", run.ThirdNotes);
        Assert.DoesNotContain(run.ThirdNotes, n => n.StartsWith("maps: reusing", StringComparison.Ordinal));
        Assert.Equal(8, RunManifest.Load(Path.Combine(run.Out, "models", "entropy")).Experiment.Maps.Bins);
        var bmode = run.Third.Table.Models.Single(m => m.Model == ResultTables.DisplayName("bmode"));
        Assert.Equal(run.First.Table.Models.Single(m => m.Model == bmode.Model), bmode);
    }

    [Fact]
    public void The_report_names_the_command_that_was_run()
    {
        string data = Path.Combine(run.Root, "no-such-folder");
        var stdout = new StringWriter();
        // Parsing alone gives the line; a bad value stops the run before any work.
        Assert.Equal(CliApp.BadInput, CliApp.Run(["reproduce", "--preset", "tiny", "--data", Path.Combine(data, "x.mat")], stdout, new StringWriter()));
        var root = CliApp.BuildRoot(stdout);
        var parse = root.Parse(["reproduce", "--preset", "tiny", "--bins", "8", "--out", "results/t"]);
        Assert.Equal("breastseg reproduce --preset tiny --bins 8 --out results/t", BreastSeg.Cli.Options.CommandLine.Of(parse));
    }

    [Fact]
    public void Bad_options_give_one_line_and_exit_code_2()
    {
        foreach (var args in new[] { new[] { "reproduce", "--preset", "huge" }, ["reproduce", "--size", "30"], ["reproduce", "--inputs", "doppler"],
                     ["reproduce", "--data", Path.Combine(run.Root, "missing.mat")], ["reproduce", "--folds", "1"], ["reproduce", "--controls", "bogus"],
                     ["reproduce", "--seeds", "1,x"], ["reproduce", "--seeds", "2,2"], ["reproduce", "--threshold", "1.5"], ["reproduce", "--control-inputs", "nakagami"] })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(CliApp.BadInput, CliApp.Run(args, stdout, stderr));
            string error = stderr.ToString().TrimEnd();
            output.WriteLine(error);
            Assert.Single(error.Split('\n'));
            Assert.StartsWith("breastseg: ", error);
        }
    }
}
