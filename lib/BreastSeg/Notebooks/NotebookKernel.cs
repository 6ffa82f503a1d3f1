using System.Reflection;
using BreastSeg.Torch;

namespace BreastSeg.Notebooks;

/// <summary>
/// Prepares a .NET Interactive kernel for the kit. Every notebook starts with two cells: the first finds the kit's root
/// from the notebook's folder (the folder holding BreastSeg.sln, or BREASTSEG_ROOT), says what to build when the library
/// is missing and makes the root the working folder; the second is
/// <code>
/// #r "lib/BreastSeg/bin/notebook/BreastSeg.dll"
/// BreastSeg.Notebooks.NotebookKernel.Setup()
/// </code>
/// (the kernel resolves #r against the working folder when the cell is compiled). A #r of a plain dll loads no kernel
/// extension (only packages with interactive-extensions/dotnet do), hence the call.
/// </summary>
public static class NotebookKernel
{
    /// <summary>Environment variable that turns on the notebooks' quick mode (1 or true): small data, few epochs.</summary>
    public const string QuickVariable = "BREASTSEG_QUICK";

    /// <summary>Environment variable naming the kit's root folder, for a notebook opened outside the repository.</summary>
    public const string RootVariable = "BREASTSEG_ROOT";

    private static readonly object Gate = new();
    private static NotebookSession? _session;
    private static bool? _quick;

    /// <summary>
    /// Whether the notebooks run in quick mode (small data, few epochs): <see cref="QuickVariable"/> = 1 or true (set by
    /// `breastseg notebooks run --quick` and the tests) unless a cell sets it (<c>NotebookKernel.Quick = true;</c>).
    /// </summary>
    public static bool Quick
    {
        get => _quick ?? (Environment.GetEnvironmentVariable(QuickVariable) is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase)));
        set => _quick = value;
    }

    /// <summary>
    /// The kit's root (the folder holding BreastSeg.sln): found from the loaded BreastSeg.dll (lib/BreastSeg/bin/notebook),
    /// else from the working folder, else <see cref="RootVariable"/>.
    /// </summary>
    public static string KitRoot =>
        NotebookCatalog.FindRepositoryRoot(Path.GetDirectoryName(typeof(NotebookKernel).Assembly.Location) ?? ".")
        ?? NotebookCatalog.FindRepositoryRoot(Directory.GetCurrentDirectory())
        ?? (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? Path.GetFullPath(root) : Directory.GetCurrentDirectory());

    /// <summary>
    /// The running cell's cancellation: the notebook's Stop button (the kernel's Cancel command) cancels it. Pass it to
    /// long work (training, reproduce), which then stops at its next check and keeps what it finished. Outside a cell,
    /// a token that never cancels.
    /// </summary>
    public static CancellationToken CellCancellation =>
        Microsoft.DotNet.Interactive.KernelInvocationContext.Current?.CancellationToken ?? CancellationToken.None;

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
                Quick, Figures.PlotlyJs.Version);
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
/// <param name="Quick">Whether quick mode was on at setup.</param>
/// <param name="PlotlyJsVersion">The plotly.js the setup cell's output loads for every chart of the notebook.</param>
public sealed record NotebookSession(string Assembly, DateTime BuiltUtc, string Version, string? LibTorchFolder, bool Quick, string PlotlyJsVersion)
{
    /// <summary>Whether the dll on disk is newer than the loaded one (rebuilt since): restart the kernel to use it.</summary>
    public bool Stale => File.Exists(Assembly) && File.GetLastWriteTimeUtc(Assembly) > BuiltUtc;

    /// <summary>One line for the notebook.</summary>
    public override string ToString() =>
        $"BreastSeg {Version.Split('+')[0]} built {BuiltUtc:yyyy-MM-dd HH:mm} UTC from {Shown(Assembly)}; libtorch: {(LibTorchFolder is null ? "TorchSharp's default search" : Shown(LibTorchFolder))}; quick mode: {(Quick ? "on" : "off")}; plotly.js {PlotlyJsVersion} loaded (offline)";

    // Paths inside the kit relative to its root: the executed copies are committed and read the same on every machine.
    private static string Shown(string path)
    {
        string root = NotebookKernel.KitRoot;
        string relative = System.IO.Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
