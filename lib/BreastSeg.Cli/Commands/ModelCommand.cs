using System.CommandLine;
using BreastSeg.Models;
using BreastSeg.Torch;
using Spectre.Console;

namespace BreastSeg.Cli.Commands;

/// <summary>`breastseg model summary` and `breastseg model import-pytorch`.</summary>
internal static class ModelCommand
{
    public static Command Create(TextWriter stdout)
    {
        var model = new Command("model", "Inspect networks and import PyTorch weights");
        model.Subcommands.Add(Summary(stdout));
        model.Subcommands.Add(Import(stdout));
        return model;
    }

    internal static (Option<string> Arch, Option<int> In, Option<int> Filters, Option<int> Depth) ShapeOptions() =>
    (
        new Option<string>("--arch") { Description = "attention-unet or unet", DefaultValueFactory = _ => "attention-unet" },
        new Option<int>("--in-channels") { Description = "Input channels (stacked maps)", DefaultValueFactory = _ => 1 },
        new Option<int>("--base-filters") { Description = "Feature maps of the first level (64 in the reference)", DefaultValueFactory = _ => 64 },
        new Option<int>("--depth") { Description = "Resolution levels, 2 to 5 (5 in the reference)", DefaultValueFactory = _ => 5 }
    );

    private static UNetConfig Config(ParseResult p, (Option<string> Arch, Option<int> In, Option<int> Filters, Option<int> Depth) o) =>
        new(UNetFactory.ParseArchitecture(p.GetValue(o.Arch)!), p.GetValue(o.In), 1, p.GetValue(o.Filters), p.GetValue(o.Depth));

    private static Command Summary(TextWriter stdout)
    {
        var o = ShapeOptions();
        var command = new Command("summary", "Layers (PyTorch state-dict names) and the parameter count") { o.Arch, o.In, o.Filters, o.Depth };
        command.SetAction(p =>
        {
            var config = Config(p, o);
            config.Validate();
            TorchRuntime.EnsureLoaded();
            using var net = UNetFactory.Create(config);
            var console = CliConsole.For(stdout);
            var table = new Table().AddColumns("Module", "Parameters");
            foreach (var (name, child) in net.named_children())
                table.AddRow(name, child.parameters().Sum(x => x.numel()).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);
            long total = net.parameters().Sum(x => x.numel());
            stdout.WriteLine($"{UNetFactory.Name(config.Architecture)}: in {config.InChannels}, out {config.OutChannels}, base filters {config.BaseFilters}, depth {config.Depth}");
            stdout.WriteLine($"parameters: {total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}");
            return 0;
        });
        return command;
    }

    private static Command Import(TextWriter stdout)
    {
        var o = ShapeOptions();
        var stateDict = new Argument<string>("STATE_DICT") { Description = "PyTorch state_dict (.pt/.pth from torch.save, or .safetensors) of AttU_Net / U_Net" };
        var output = new Option<string>("--out") { Description = "Kit model file to write", Required = true };
        var command = new Command("import-pytorch", "Convert a PyTorch state dict of LeeJunHyun/Image_Segmentation AttU_Net or U_Net into a kit model file")
            { stateDict, output, o.Arch, o.In, o.Filters, o.Depth };
        command.SetAction(p =>
        {
            var config = Config(p, o);
            config.Validate();
            TorchRuntime.EnsureLoaded();
            using var net = UNetFactory.Create(config);
            ModelFile.LoadPyTorchStateDict(net, p.GetValue(stateDict)!);
            string path = p.GetValue(output)!;
            ModelFile.Save(net, path);
            stdout.WriteLine($"wrote {path}: {UNetFactory.Name(config.Architecture)}, {net.parameters().Sum(x => x.numel()):N0} parameters (no input normalisation stored: predictions use inputs as given)");
            return 0;
        });
        return command;
    }
}
