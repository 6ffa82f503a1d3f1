using BreastSeg.Maps;
using BreastSeg.Rf;

namespace BreastSeg.Tests.Maps;

public sealed class EntropySweepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("entropy-sweep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Speckle-like RF with a lesion 14 dB darker than its surroundings (echogenicity only, same statistics).
    private static List<RfCase> DarkLesionCases(int count)
    {
        var rng = new Random(12);
        int samples = 160, lines = 40;
        return Enumerable.Range(0, count).Select(c =>
        {
            var views = Enumerable.Range(0, 2).Select(_ =>
            {
                var rf = new double[samples * lines];
                var mask = new bool[samples * lines];
                for (int j = 0; j < lines; j++)
                    for (int i = 0; i < samples; i++)
                    {
                        bool inside = Math.Pow((i - 80) / 35.0, 2) + Math.Pow((j - 20) / 10.0, 2) < 1;
                        double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                        rf[j * samples + i] = Math.Round(1000 * g * (inside ? 0.2 : 1));
                        mask[j * samples + i] = inside;
                    }
                return new RfView(new RfFrame(samples, lines, rf), new LesionMask(samples, lines, mask));
            }).ToList();
            return new RfCase(c, $"c{c}", views, "4a", c % 2, c % 2 == 1);
        }).ToList();
    }

    [Fact]
    public void SweepScoresEverySettingPicksTheSeparatingOneAndSavesTheChoice()
    {
        string file = Path.Combine(_dir, "cohort.mat");
        OasbudFile.Write(file, DarkLesionCases(3));
        var dataset = OasbudFile.Open(file);
        var options = new EntropySweepOptions
        {
            Windows = [MapWindow.Pixels(9, 3), MapWindow.Pixels(15, 5)],
            Bins = [new(EntropyBinRule.Fixed, 16), new(EntropyBinRule.SquareRoot, 0)],
            Normalizations = [EntropyNormalization.Window, EntropyNormalization.Robust],
            LogCompressed = [false],
            NetworkSize = 16,
            RingMm = 0.4,
        };
        var result = EntropySweep.Run(dataset, [0, 2], "test fixture", options);
        Assert.Equal(8 + 2, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(4, r.Views));
        var chosen = result.Rows.Single(r => r.Setting == result.Chosen);
        Assert.Equal(EntropyNormalization.Robust, result.Chosen.Normalization);
        Assert.True(chosen.CnrFull >= 0.5 && chosen.AucFull < 0.2, $"CNR {chosen.CnrFull}, AUC {chosen.AucFull}");
        // Brightness-blind window normalisation cannot see an echogenicity-only lesion.
        Assert.All(result.Rows.Where(r => r.Setting?.Normalization == EntropyNormalization.Window), r => Assert.True(r.CnrFull < chosen.CnrFull));
        Assert.True(result.ChosenWithMillerMadow!.Setting!.MillerMadow);
        // The chosen row's score is what a separability measurement of the chosen default map gives on those views.
        var view = dataset.GetCase(0).Views[0];
        var mapOptions = result.Chosen.ApplyTo(new MapOptions());
        var map = ParametricMaps.Compute(view.Frame, mapOptions, MapKind.Entropy).Entropy!;
        double cnr = Separability.Measure(map, view.Mask, BackgroundRegion.Ring(0.4), view.Frame.Acquisition).Cnr;
        Assert.InRange(cnr, 0.3 * chosen.CnrFull, 3 * chosen.CnrFull);

        result.Save(_dir);
        var choice = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "choice.json")));
        var saved = System.Text.Json.JsonSerializer.Deserialize<MapOptions>(choice.RootElement.GetProperty("mapOptions").GetRawText(),
            new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        Assert.Equal(mapOptions, saved);
        Assert.Contains("(chosen)", File.ReadAllText(Path.Combine(_dir, "sweep.md")));
    }

    [Fact]
    public void SweepCommandRefusesTestCases()
    {
        string file = Path.Combine(_dir, "cohort.mat");
        OasbudFile.Write(file, DarkLesionCases(4));
        var (code, _, stderr) = MapsCommandTests.Run("maps", "sweep", "--data", file, "--out", Path.Combine(_dir, "s"), "--cases", "train+test");
        Assert.Equal(2, code);
        Assert.Contains("--cases", stderr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "s")));
    }
}
