using BreastSeg.Evaluation;
using BreastSeg.Figures;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Rf;
using BreastSeg.Samples;
using BreastSeg.Training;
using static TorchSharp.torch;

namespace BreastSeg.Reproduce;

/// <summary>Turns a run's models and test cases into the figure inputs of <see cref="PaperFigures"/>.</summary>
public static class ReproduceFigures
{
    /// <summary>Test views shown as examples and attention maps.</summary>
    private const int AttentionCases = 3;

    /// <summary>Collects everything the standard figures need; the window-sweep figure is drawn from
    /// <paramref name="sweepCases"/> (training/validation cases, never test cases).</summary>
    public static PaperFiguresInput Build(ReproduceConfig config, OasbudDataset dataset, IReadOnlyList<ModelRun> models,
        ResultsTable table, IReadOnlyList<SegmentationSample> testSamples, IReadOnlyList<int> sweepCases, MapOptions mapOptions, CancellationToken cancel)
    {
        var dice = models.Select(m => ResultTables.PerMassDice(m.Name, m.Results)).ToList();
        var training = models.Select(m => new TrainingHistory(ResultTables.DisplayName(m.Name),
            m.History.Select(e => new EpochMetrics(e.Epoch, e.TrainLoss, e.ValidationLoss, e.ValidationDice)).ToList(), "Dice + BCE loss")).ToList();
        cancel.ThrowIfCancellationRequested();
        var reference = models.FirstOrDefault(m => m.Name == "entropy") ?? models[0];
        var examples = Examples(config, dataset, models, reference, testSamples, mapOptions);
        cancel.ThrowIfCancellationRequested();
        var (sweep, sweepMaps) = Sweep(config, dataset, sweepCases, mapOptions, cancel);
        var attention = Attention(config, dataset, reference, testSamples);
        return new PaperFiguresInput(table.DataLabel, examples, dice, table, sweep, sweepMaps, training, attention,
            ResultTables.DisplayName(reference.Name), "Entropy window side (pulse lengths)", "Lesion/background CNR of the entropy map");
    }

    private static List<ExampleCase> Examples(ReproduceConfig config, OasbudDataset dataset, IReadOnlyList<ModelRun> models,
        ModelRun reference, IReadOnlyList<SegmentationSample> testSamples, MapOptions mapOptions)
    {
        var ranked = reference.Results.Where(r => double.IsFinite(r.Dice)).OrderByDescending(r => r.Dice).ToList();
        if (ranked.Count == 0) return [];
        var picks = new[] { ("good", ranked[0]), ("median", ranked[ranked.Count / 2]), ("poor", ranked[^1]) }
            .DistinctBy(p => (p.Item2.CaseIndex, p.Item2.View)).ToList();
        var nets = models.Select(m => (Run: m, Net: ModelFile.Load(Path.Combine(m.Folder, Trainer.BestModelFileName)))).ToList();
        try
        {
            var examples = new List<ExampleCase>();
            foreach (var (label, result) in picks)
            {
                var view = dataset.GetCase(result.CaseIndex).Views[result.View - 1];
                var geometry = ImageGeometry.Of(view.Frame);
                var maps = ParametricMaps.Compute(view.Frame, mapOptions, MapKind.BMode, MapKind.Entropy);
                double range = mapOptions.DynamicRangeDb;
                var bmodeDb = maps.BMode!.Select(v => v * range - range).ToArray();
                var predictions = new List<ModelMask>();
                var sample = testSamples.First(s => s.CaseIndex == result.CaseIndex && s.View == result.View - 1);
                foreach (var (run, net) in nets)
                {
                    var own = sample.WithChannels(config.ChannelsOf(run.Name));
                    var probabilities = SegmentationPredictor.Probabilities(net, [run.Manifest.Normalizer.Apply(own)], own.Size)[0];
                    var onGrid = GridResampler.BilinearToGrid(probabilities, own.Size, own.Size, view.Frame.Samples, view.Frame.Lines);
                    var mask = SegmentationEvaluator.PredictedMask(onGrid, view.Frame.Samples, view.Frame.Lines, new EvaluationOptions());
                    double? caseDice = run.Results.FirstOrDefault(r => r.CaseIndex == result.CaseIndex && r.View == result.View)?.Dice;
                    predictions.Add(new ModelMask(ResultTables.DisplayName(run.Name), new MmMask(geometry, mask), caseDice));
                }
                examples.Add(new ExampleCase(label, $"{result.CaseId} view {result.View}", new MmImage(geometry, bmodeDb),
                    new MmImage(geometry, maps.Entropy!), MmMask.Of(view.Mask, geometry), predictions));
            }
            return examples;
        }
        finally
        {
            foreach (var (_, net) in nets) net.Dispose();
        }
    }

    private static (List<SweepPoint>, (IReadOnlyList<WindowMap>, MmMask?, string)?) Sweep(ReproduceConfig config, OasbudDataset dataset,
        IReadOnlyList<int> cases, MapOptions mapOptions, CancellationToken cancel)
    {
        var cnr = new Dictionary<(double Window, int Bins), List<double>>();
        var windowMaps = new List<WindowMap>();
        MmMask? truth = null;
        string label = "";
        foreach (int caseIndex in cases)
        {
            cancel.ThrowIfCancellationRequested();
            var rfCase = dataset.GetCase(caseIndex);
            var view = rfCase.Views[0];
            bool first = windowMaps.Count == 0 && truth is null;
            var geometry = ImageGeometry.Of(view.Frame);
            foreach (double window in config.SweepWindows)
            {
                var report = MapSweep.Run(view, new MapSweepOptions
                {
                    Windows = [MapWindow.PulseLengths(window)], Bins = config.SweepBins, Nakagami = false, KeepMaps = first, Maps = mapOptions,
                });
                foreach (var c in report.Cases)
                {
                    if (!cnr.TryGetValue((window, c.Bins), out var list)) cnr[(window, c.Bins)] = list = [];
                    if (double.IsFinite(c.Separability.Cnr)) list.Add(c.Separability.Cnr);
                }
                var shown = report.Cases.FirstOrDefault(c => c.Bins == mapOptions.Bins) ?? report.Cases.FirstOrDefault();
                if (first && shown?.Map is { } map)
                    windowMaps.Add(new WindowMap(window, new MmImage(geometry, map)));
            }
            if (first)
            {
                truth = MmMask.Of(view.Mask, geometry);
                label = $"{rfCase.Id} view 1";
            }
        }
        var points = cnr.Where(kv => kv.Value.Count > 0).Select(kv => new SweepPoint(kv.Key.Window, kv.Key.Bins, kv.Value.Average(),
            kv.Value.Count > 1 ? Math.Sqrt(kv.Value.Sum(v => (v - kv.Value.Average()) * (v - kv.Value.Average())) / (kv.Value.Count - 1)) : null))
            .OrderBy(p => p.Bins).ThenBy(p => p.Window).ToList();
        return (points, windowMaps.Count > 0 ? (windowMaps, truth, label) : null);
    }

    private static List<AttentionCase> Attention(ReproduceConfig config, OasbudDataset dataset, ModelRun reference, IReadOnlyList<SegmentationSample> testSamples)
    {
        if (reference.Manifest.Experiment.Network.Architecture != UNetArchitecture.AttentionUNet) return [];
        var picks = reference.Results.Where(r => double.IsFinite(r.Dice)).OrderByDescending(r => r.Dice).Take(AttentionCases).ToList();
        using var net = ModelFile.Load(Path.Combine(reference.Folder, Trainer.BestModelFileName));
        // The cached samples hold every map of the run (B-mode first); the model sees only its own channels.
        var channels = config.ChannelsOf(reference.Name);
        var cases = new List<AttentionCase>();
        foreach (var r in picks)
        {
            var sample = testSamples.First(s => s.CaseIndex == r.CaseIndex && s.View == r.View - 1);
            var own = sample.WithChannels(channels);
            cases.Add(AttentionCaseOf(net, reference.Manifest.Normalizer, own, dataset.GetCase(r.CaseIndex).Views[r.View - 1],
                $"{r.CaseId} view {r.View}", $"{ResultTables.DisplayName(reference.Name)} input (normalised)"));
        }
        return cases;
    }

    /// <summary>The attention coefficients of every gate of <paramref name="net"/> for one view: the normalised input
    /// (first channel) and each gate's map on the view's mm extent, with the ground truth.</summary>
    /// <param name="net">An attention U-Net.</param>
    /// <param name="normalizer">The input normalisation it was trained with.</param>
    /// <param name="sample">The view's network input (the model's channels only).</param>
    /// <param name="view">The view (RF grid and mask) the sample was made from.</param>
    /// <param name="caseId">Label of the view.</param>
    /// <param name="inputTitle">Title of the input panel.</param>
    public static AttentionCase AttentionCaseOf(UNetBase net, ChannelNormalizer normalizer, SegmentationSample sample, RfView view,
        string caseId, string inputTitle)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var geometry = ImageGeometry.Of(view.Frame);
        int size = sample.Size;
        var input = normalizer.Apply(sample);
        var x = tensor(input, [1, sample.Channels, size, size]);
        var (_, gates) = net.ForwardWithAttention(x);
        var gateMaps = gates.OrderBy(g => g.Key).Select(g =>
        {
            int h = (int)g.Value.shape[2], w = (int)g.Value.shape[3];
            return new AttentionGateMap(g.Key, new MmImage(geometry.Resampled(h, w), ToColumnMajor(g.Value.cpu().data<float>().ToArray(), h, w)));
        }).ToList();
        var display = new MmImage(geometry.Resampled(size, size), ToColumnMajor(input.AsSpan(0, size * size).ToArray(), size, size));
        return new AttentionCase(caseId, display, inputTitle, gateMaps, MmMask.Of(view.Mask, geometry));
    }

    private static double[] ToColumnMajor(float[] rowMajor, int rows, int cols)
    {
        var result = new double[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[c * rows + r] = rowMajor[r * cols + c];
        return result;
    }
}
