using System.Reflection;
using BreastSeg.Torch;

namespace BreastSeg.Notebooks;

/// <summary>
/// Prepares a .NET Interactive kernel for the kit. Every notebook starts with
/// <code>
/// #r "../lib/BreastSeg/bin/notebook/BreastSeg.dll"
/// BreastSeg.Notebooks.NotebookKernel.Setup()
/// </code>
/// A #r of a plain dll loads no kernel extension (only packages with interactive-extensions/dotnet do), hence the call.
/// </summary>
public static class NotebookKernel
{
    /// <summary>Environment variable that turns on the notebooks' quick mode (1 or true): small data, few epochs.</summary>
    public const string QuickVariable = "BREASTSEG_QUICK";

    private static readonly object Gate = new();
    private static NotebookSession? _session;

    /// <summary>Whether the notebooks run in quick mode (<see cref="QuickVariable"/> is 1 or true).</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) is { } v
        && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves FSharp.Core for Plotly.NET and Deedle, loads libtorch from beside the kit, registers the kit's display
    /// formatters (idempotent); returns what was loaded, which the cell shows.
    /// </summary>
    public static NotebookSession Setup()
    {
        lock (Gate)
        {
            if (_session is not null) return _session;
            LoadIntoKitContext("TorchSharp", "TorchSharp.PyBridge");
            Figures.FSharpCoreResolver.Install();
            TorchRuntime.EnsureLoaded();
            Formatters.Register();
            var assembly = typeof(NotebookKernel).Assembly;
            _session = new NotebookSession(
                assembly.Location,
                File.GetLastWriteTimeUtc(assembly.Location),
                assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "",
                TorchRuntime.NativeFolder(),
                Quick);
            return _session;
        }
    }

    /// <summary>
    /// Roslyn's script loader (the kernel's #r) gives every assembly it loads its own load context, and a dependency
    /// referenced with another version (TorchSharp.PyBridge was built against an older TorchSharp) is loaded again:
    /// PyBridge came with a second TorchSharp, so every PyBridge call from the kit failed with MissingMethodException
    /// (its Module was not the kit's). Loading both into the kit's own context, before anything binds them, makes the
    /// kit and PyBridge share one TorchSharp.
    /// </summary>
    private static void LoadIntoKitContext(params string[] names)
    {
        var kit = typeof(NotebookKernel).Assembly;
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(kit);
        if (context is null || context == System.Runtime.Loader.AssemblyLoadContext.Default) return;
        foreach (string name in names)
        {
            string path = Path.Combine(Path.GetDirectoryName(kit.Location)!, name + ".dll");
            if (File.Exists(path) && !context.Assemblies.Any(a => a.GetName().Name == name)) context.LoadFromAssemblyPath(path);
        }
    }
}

/// <summary>What <see cref="NotebookKernel.Setup"/> loaded.</summary>
/// <param name="Assembly">Path of the BreastSeg.dll the kernel loaded.</param>
/// <param name="BuiltUtc">Its file time; after a rebuild the kernel keeps this one until it is restarted.</param>
/// <param name="Version">Informational version of the kit.</param>
/// <param name="LibTorchFolder">Folder libtorch was loaded from, or null (TorchSharp's own search).</param>
/// <param name="Quick">Whether quick mode is on.</param>
public sealed record NotebookSession(string Assembly, DateTime BuiltUtc, string Version, string? LibTorchFolder, bool Quick)
{
    /// <summary>Whether the dll on disk is newer than the loaded one (rebuilt since): restart the kernel to use it.</summary>
    public bool Stale => File.Exists(Assembly) && File.GetLastWriteTimeUtc(Assembly) > BuiltUtc;

    /// <summary>One line for the notebook.</summary>
    public override string ToString() =>
        $"BreastSeg {Version.Split('+')[0]} built {BuiltUtc:yyyy-MM-dd HH:mm} UTC from {Assembly}; libtorch: {LibTorchFolder ?? "TorchSharp's default search"}; quick mode: {(Quick ? "on" : "off")}";
}
