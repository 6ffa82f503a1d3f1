using BreastSeg.Reproduce;
using BreastSeg.Simulation;

namespace BreastSeg.Notebooks;

/// <summary>
/// Which data and settings the notebooks use, in one place: OASBUD when the user has it, else the kit's simulated
/// cohort; in quick mode a small simulated cohort and the tiny preset, so a fresh clone runs every notebook in minutes.
/// The data folder is the kit's data/ (<see cref="NotebookKernel.KitRoot"/>), wherever the notebook was opened from.
/// </summary>
public static class NotebookData
{
    /// <summary>Cases of the quick-mode cohort.</summary>
    public const int QuickCases = 8;

    /// <summary>Seed of the quick-mode cohort.</summary>
    public const long QuickSeed = 1;

    /// <summary>The kit's data folder (data/ under <see cref="NotebookKernel.KitRoot"/>).</summary>
    public static string DefaultDataFolder => Path.Combine(NotebookKernel.KitRoot, "data");

    /// <summary>OASBUD.mat in <paramref name="dataFolder"/>, or null when it is not there.</summary>
    public static string? Oasbud(string? dataFolder = null)
    {
        string path = Path.GetFullPath(Path.Combine(dataFolder ?? DefaultDataFolder, "OASBUD.mat"));
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The cohort to load: OASBUD.mat when present; else in quick mode the small simulated cohort (simulated once,
    /// reused while current; the file `breastseg reproduce --preset tiny` uses), otherwise the default simulated
    /// cohort cohort.mat (simulated on first use, about 1 GB; `breastseg reproduce` makes the same file).
    /// </summary>
    /// <param name="dataFolder">Folder of the data files.</param>
    /// <param name="quick">Quick mode; default <see cref="NotebookKernel.Quick"/>.</param>
    /// <param name="log">Receives a line when a cohort has to be simulated (default: the console).</param>
    public static string DefaultCohort(string? dataFolder = null, bool? quick = null, Action<string>? log = null)
    {
        if (Oasbud(dataFolder) is { } oasbud) return oasbud;
        var full = ReproduceConfig.Quick;
        var options = quick ?? NotebookKernel.Quick
            ? new CohortOptions { Cases = QuickCases, Seed = QuickSeed }
            : new CohortOptions { Cases = full.CohortCases, Seed = full.CohortSeed };
        string path = Path.GetFullPath(ReproducePipeline.DefaultCohortPath(dataFolder ?? DefaultDataFolder, options.Cases, options.Seed));
        var say = log ?? Console.WriteLine;
        CohortFile.Ensure(options, path, () => say($"simulating {options.Cases} cases (seed {options.Seed}) into {path} (once; later runs reuse it)"),
            waiting: () => say($"waiting for another process simulating {path}"));
        return path;
    }

    /// <summary>
    /// The `breastseg reproduce` configuration the notebooks use: the tiny preset in quick mode (the small cohort,
    /// 32-pixel inputs, 8 base filters, 2 epochs), else the quick preset (the CLI's default); OASBUD as data when present.
    /// </summary>
    /// <param name="dataFolder">Folder of the data files.</param>
    /// <param name="quick">Quick mode; default <see cref="NotebookKernel.Quick"/>.</param>
    public static ReproduceConfig Config(string? dataFolder = null, bool? quick = null)
    {
        var preset = quick ?? NotebookKernel.Quick
            ? ReproduceConfig.Tiny with { CohortCases = QuickCases, CohortSeed = QuickSeed }
            : ReproduceConfig.Quick;
        return preset with { Data = Oasbud(dataFolder) };
    }
}
