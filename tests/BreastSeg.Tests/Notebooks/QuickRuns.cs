using System.Collections.Concurrent;
using BreastSeg.Notebooks;

namespace BreastSeg.Tests.Notebooks;

/// <summary>
/// One quick-mode run of each of the kit's notebooks per test process, shared by every test that needs one (the run
/// itself, the browser check of its charts): the notebooks are the slowest tests, so none runs twice. Executed copies go
/// under the test's bin folder (not notebooks/executed, which holds the committed copies), and the parameters file 02
/// writes for 03 and 04 too, so a test run never touches a reader's notebooks/parameters.json.
/// </summary>
internal static class QuickRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRun>>> Runs = new();

    public static string NotebookFolder => Path.Combine(KernelRun.RepositoryRoot, NotebookCatalog.FolderName);

    public static string ExecutedFolder { get; } = Path.Combine(AppContext.BaseDirectory, "notebook-tests", "executed");

    public static Task<NotebookRun> Get(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<Task<NotebookRun>>(() => NotebookRunner.RunAsync(Path.Combine(NotebookFolder, n + ".ipynb"), new NotebookRunOptions
        {
            Quick = true,
            OutputFolder = ExecutedFolder,
            CellTimeout = TimeSpan.FromMinutes(5),
            Environment = new Dictionary<string, string>
            {
                [NotebookParameters.PathVariable] = Path.Combine(AppContext.BaseDirectory, "notebook-tests", "parameters.json"),
            },
        }))).Value;
}
