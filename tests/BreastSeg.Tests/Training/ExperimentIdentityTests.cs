using System.Reflection;
using System.Text.Json;
using BreastSeg.Maps;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Tests.Training;

/// <summary>The experiment identity without training: what counts, what does not, and that every map option counts
/// generically (a new MapOptions property is covered without touching the identity code).</summary>
public class ExperimentIdentityTests
{
    private static readonly CaseSplit Split = new([0, 1, 2], [3], [4, 5]);

    private static ExperimentIdentity Id(Experiment e, string data = "abc") => new(data, e, Split);

    private static List<ParameterDifference> Diff(Experiment was, Experiment now) => Id(now).DifferencesFrom(Id(was));

    [Theory]
    [InlineData("entropy")]
    [InlineData("bmode+entropy")]
    public void Changed_entropy_parameters_and_learning_rate_are_named(string input)
    {
        var e = Experiment.Tiny with { Input = input };
        Assert.Equal("Maps.Bins", Assert.Single(Diff(e, e with { Maps = e.Maps with { Bins = 8 } })).Parameter);
        Assert.Equal("Maps.Normalization", Assert.Single(Diff(e, e with { Maps = e.Maps with { Normalization = EntropyNormalization.Global } })).Parameter);
        foreach (string window in new[] { "2pl", "0.5mm", "0.5x1mm", "23x6" })
        {
            var d = Assert.Single(Diff(e, e with { Maps = e.Maps with { Window = MapWindow.Parse(window) } }));
            Assert.Equal(("Maps.Window", new MapOptions().Window.ToString(), window), (d.Parameter, d.Was, d.Now));
        }
        var lr = Assert.Single(Diff(e, e with { Training = e.Training with { LearningRate = 2e-3 } }));
        Assert.Equal(("Training.LearningRate", "0.001", "0.002"), (lr.Parameter, lr.Was, lr.Now));
        Assert.Equal("Size", Assert.Single(Diff(e, e with { Size = 64 })).Parameter);
        Assert.Equal("Data", Assert.Single(Id(e, "other").DifferencesFrom(Id(e))).Parameter);
    }

    [Fact]
    public void The_b_mode_model_does_not_depend_on_entropy_or_nakagami_options()
    {
        var e = Experiment.Tiny with { Input = "bmode" };
        Assert.Empty(Diff(e, e with { Maps = e.Maps with { Bins = 8, Normalization = EntropyNormalization.Global, Window = MapWindow.Parse("3pl"), NakagamiWindow = MapWindow.Parse("5pl") } }));
        Assert.Equal("Maps.DynamicRangeDb", Assert.Single(Diff(e, e with { Maps = e.Maps with { DynamicRangeDb = 40 } })).Parameter);
    }

    [Fact]
    public void Execution_settings_and_resumable_options_are_not_part_of_the_identity()
    {
        var e = Experiment.Tiny with { Input = "entropy" };
        Assert.Empty(Diff(e, e with { Maps = e.Maps with { MaxDegreeOfParallelism = 1 } }));
        Assert.Empty(Diff(e, e with { Training = e.Training with { Patience = 3, Device = "auto" } }));
        Assert.Empty(Diff(e, e with { Input = "Entropy" })); // spelling
        Assert.NotEmpty(Diff(e, e with { Training = e.Training with { Epochs = 3 } })); // the cosine schedule depends on it
        Assert.Equal("Split.Cases", Assert.Single(new ExperimentIdentity("abc", e, new CaseSplit([0, 1, 3], [2], [4, 5])).DifferencesFrom(Id(e))).Parameter);
    }

    /// <summary>Every property of MapOptions, changed, changes the identity of a model that uses all maps (unless it is
    /// an execution setting), and survives the JSON round trip of run.json.</summary>
    [Fact]
    public void Every_map_option_counts_and_round_trips()
    {
        var e = Experiment.Tiny with { Input = "bmode+entropy+nakagami" };
        var properties = typeof(MapOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.True(properties.Count >= 10);
        foreach (var property in properties)
        {
            var changed = Changed(e.Maps, property);
            var differences = Diff(e, e with { Maps = changed });
            if (property.Name == nameof(MapOptions.MaxDegreeOfParallelism)) Assert.Empty(differences);
            else Assert.Contains(differences, d => d.Parameter == $"Maps.{property.Name}" || d.Parameter.StartsWith($"Maps.{property.Name}.", StringComparison.Ordinal));
            var back = JsonSerializer.Deserialize<MapOptions>(JsonSerializer.Serialize(changed, ExperimentJson.Options), ExperimentJson.Options);
            Assert.Equal(changed, back);
        }
    }

    // A different value of any property type MapOptions has (extend here when MapOptions gains a new kind of type).
    private static MapOptions Changed(MapOptions options, PropertyInfo property)
    {
        object? value = property.GetValue(options);
        object? other = property.PropertyType switch
        {
            var t when t == typeof(double) => (double)value! * 2 + 1,
            var t when t == typeof(int) => (int)value! + 2,
            var t when t == typeof(bool) => !(bool)value!,
            var t when t == typeof(MapWindow) => MapWindow.Pixels(5, 3),
            var t when t == typeof(BandPass) => new BandPass(5e6, 15e6, 1e6),
            var t when t.IsEnum => Enum.GetValues(t).Cast<object>().First(v => !v.Equals(value)),
            var t => throw new Xunit.Sdk.XunitException($"MapOptions.{property.Name} has type {t.Name}: add a changed value of it to this test"),
        };
        var copy = options with { };
        property.SetValue(copy, other);
        return copy;
    }

    [Fact]
    public void The_data_fingerprint_is_the_content_not_the_path()
    {
        var dir = Directory.CreateTempSubdirectory("bs-fp").FullName;
        try
        {
            string a = SyntheticCohort.WriteFile(Path.Combine(dir, "a.mat"), 4, seed: 1, samples: 32, lines: 16);
            string b = Path.Combine(dir, "sub", "b.mat");
            Directory.CreateDirectory(Path.GetDirectoryName(b)!);
            File.Copy(a, b);
            string fa = OasbudSegmentationDataset.Open(a).Fingerprint;
            Assert.Equal(fa, OasbudSegmentationDataset.Open(b).Fingerprint);
            SyntheticCohort.WriteFile(b, 4, seed: 2, samples: 32, lines: 16);
            Assert.NotEqual(fa, OasbudSegmentationDataset.Open(b).Fingerprint);
            Assert.NotEqual(fa, OasbudSegmentationDataset.Open(a, acquisition: new BreastSeg.Rf.Acquisition(SamplingFrequencyHz: 20e6)).Fingerprint);
        }
        finally { Directory.Delete(dir, true); }
    }
}
