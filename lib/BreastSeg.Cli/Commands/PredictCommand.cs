using System.CommandLine;
using BreastSeg.Evaluation;
using BreastSeg.IO;
using BreastSeg.Models;
using BreastSeg.Rf.Mat;
using BreastSeg.Torch;
using BreastSeg.Samples;
using BreastSeg.Training;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg predict`: lesion probabilities for a 2-D (or H x W x C) input already at network size.</summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter stdout)
    {
        var model = new Option<string>("--model") { Description = "Kit model file (a run's best-model.bsm or an imported model) or a run folder", Required = true };
        var input = new Option<string>("--input") { Description = "MAT file with an H x W (x C) map at network size", Required = true };
        var variable = new Option<string?>("--var") { Description = "Variable to read (default: the only numeric variable)" };
        var output = new Option<string>("--out") { Description = "MAT file to write: variable `probability` (H x W, double)", Required = true };
        var command = new Command("predict", "Lesion probabilities from a trained network") { model, input, variable, output };
        command.SetAction(p =>
        {
            string modelPath = p.GetValue(model)!;
            if (Directory.Exists(modelPath)) modelPath = Path.Combine(modelPath, Trainer.BestModelFileName);
            string inputPath = p.GetValue(input)!;
            var variables = MatFile.Read(inputPath);
            if (variables.TryGetValue("data", out var cohort) && cohort is MatStruct st && st.HasField("rf1"))
                return PredictCohort(p.GetValue(model)!, inputPath, p.GetValue(output)!, stdout);
            string? name = p.GetValue(variable);
            var numeric = variables.Where(v => v.Value is MatNumeric).ToList();
            MatNumeric array = name is not null
                ? variables.TryGetValue(name, out var v) && v is MatNumeric n ? n : throw new BreastSegInputException(inputPath, $"no numeric variable '{name}'")
                : numeric.Count == 1 ? (MatNumeric)numeric[0].Value : throw new BreastSegInputException(inputPath, $"{numeric.Count} numeric variables; choose one with --var");
            int[] dims = array.Dimensions;
            if (dims.Length is < 2 or > 3 || dims[0] != dims[1])
                throw new BreastSegInputException(inputPath, $"expected a square H x W or H x W x C map at network size, got {string.Join(" x ", dims)}");
            int size = dims[0], channels = dims.Length == 3 ? dims[2] : 1;

            TorchRuntime.EnsureLoaded();
            using var net = ModelFile.Load(modelPath);
            if (channels != net.Config.InChannels) throw new BreastSegInputException(inputPath, $"{channels} channels, the model takes {net.Config.InChannels}");
            if (size % net.Config.SizeMultiple != 0) throw new BreastSegInputException(inputPath, $"size {size} is not a multiple of {net.Config.SizeMultiple}");
            var normalizer = ModelFile.LoadNormalizer(modelPath);

            // MATLAB arrays are column-major (row index fastest); the network grid is row-major per channel.
            double[] values = array.ToDoubleArray();
            var sample = new float[channels * size * size];
            for (int ch = 0; ch < channels; ch++)
                for (int c = 0; c < size; c++)
                    for (int r = 0; r < size; r++)
                    {
                        double x = values[ch * size * size + c * size + r];
                        if (normalizer is not null) x = (x - normalizer.Mean[ch]) / normalizer.Std[ch];
                        sample[ch * size * size + r * size + c] = (float)x;
                    }
            var probability = SegmentationPredictor.Probabilities(net, [sample], size)[0];
            var columnMajor = new double[size * size];
            for (int c = 0; c < size; c++) for (int r = 0; r < size; r++) columnMajor[c * size + r] = probability[r * size + c];
            string outPath = p.GetValue(output)!;
            MatFile.Write(outPath, [new("probability", MatNumeric.FromDoubles(size, size, columnMajor))]);
            stdout.WriteLine($"wrote {outPath}: probability ({size} x {size}){(normalizer is null ? "; model has no stored normalisation, input used as given" : "")}");
            return 0;
        });
        return command;
    }

    // Cohort (OASBUD layout): maps, grid size and normalisation come from the run folder; probabilities are resampled
    // back to each view's RF grid (samples x lines) and written as a struct array `prediction` (id, prob1, prob2, ...).
    private static int PredictCohort(string modelPath, string inputPath, string outPath, TextWriter stdout)
    {
        if (!Directory.Exists(modelPath))
            throw new BreastSegInputException("--model", "for a cohort file give the run folder (it records the input maps, grid size and normalisation)");
        var manifest = RunManifest.Load(modelPath);
        using var net = RunEvaluation.LoadBest(modelPath);
        var dataset = SegmentationDatasets.Open(inputPath);
        var elements = new List<IReadOnlyDictionary<string, MatValue>>();
        int views = 0;
        foreach (var c in dataset.Cases)
        {
            var element = new Dictionary<string, MatValue> { ["id"] = new MatChar(c.Id) };
            foreach (var (sample, probability) in RunEvaluation.Predict(net, manifest, dataset, c.Index))
            {
                element[$"prob{sample.View + 1}"] = MatNumeric.FromDoubles(sample.GridMask.Samples, sample.GridMask.Lines, probability);
                views++;
            }
            elements.Add(element);
        }
        var fields = elements.SelectMany(e => e.Keys).Distinct().ToList();
        foreach (var e in elements)
            foreach (string f in fields)
                if (!e.ContainsKey(f)) ((Dictionary<string, MatValue>)e)[f] = MatNumeric.FromDoubles(0, 0, []);
        MatFile.Write(outPath, [new("prediction", new MatStruct(fields, elements))]);
        stdout.WriteLine($"wrote {outPath}: prediction (1 x {elements.Count} struct: id, prob1..), {views} views, probabilities on the RF grid, maps as trained ({manifest.Experiment.Input}, {manifest.Experiment.Maps.Window} window, {manifest.Experiment.Maps.Bins} bins)");
        return 0;
    }
}
