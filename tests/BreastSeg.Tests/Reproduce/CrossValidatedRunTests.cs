using BreastSeg.Evaluation;
using BreastSeg.Reproduce;
using BreastSeg.Samples;
using BreastSeg.Tests.Training;
using BreastSeg.Training;

namespace BreastSeg.Tests.Reproduce;

[Collection(SerialTorchCollection.Name)]
public class CrossValidatedRunTests
{
    [Fact]
    public void Every_mass_is_tested_once_per_seed_the_table_pools_them_and_a_rerun_reuses_every_fold()
    {
        string root = Path.Combine(Path.GetTempPath(), "breastseg-cv-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(root);
            var data = OasbudSegmentationDataset.Open(SyntheticCohort.WriteFile(Path.Combine(root, "c.mat"), 10, 3));
            var config = ReproduceConfig.Tiny with { Inputs = ["bmode"], Folds = 2, Seeds = [4, 5] };
            var first = CrossValidatedRun.Run(config, data, Path.Combine(root, "models"), "synthetic", SilentProgress.Instance, default);
            var model = Assert.Single(first.Table.Models);
            Assert.Equal(10, model.Cases);
            Assert.Equal(4, first.FirstSeed);
            foreach (int seed in config.Seeds)
            {
                var tests = Enumerable.Range(1, 2).Select(f => RunManifest.Load(Path.Combine(root, "models", $"seed-{seed}", $"fold-{f}", "bmode")).Split.Test).ToList();
                Assert.Equal(Enumerable.Range(0, 10), tests.SelectMany(t => t).Order());
                var plan = CrossValidation.KFold(data.Cases.Select(c => (c.Index, c.Malignant)).ToList(), 2, seed);
                Assert.Equal(plan[1].Split.Test, tests[1]);
                Assert.Equal(seed, RunManifest.Load(Path.Combine(root, "models", $"seed-{seed}", "fold-1", "bmode")).Experiment.Training.Seed);
            }
            Assert.Equal(2, first.Table.SeedMeans.Count);

            var notes = new List<string>();
            var second = CrossValidatedRun.Run(config, data, Path.Combine(root, "models"), "synthetic", new NoteRecorder(notes), default);
            Assert.Equal(4, notes.Count(n => n.EndsWith("bmode: already trained", StringComparison.Ordinal)));
            Assert.Equal(first.Table.Models, second.Table.Models);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class NoteRecorder(List<string> notes) : IReproduceProgress
    {
        public IReproduceTask Begin(string description, double total) => SilentProgress.Instance;
        public void Note(string line) => notes.Add(line);
    }
}
