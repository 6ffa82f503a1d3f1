using System.CommandLine;
using BreastSeg.Evaluation;
using BreastSeg.IO;
using BreastSeg.Models;
using BreastSeg.Rf.Mat;
using BreastSeg.Torch;
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
}
