using BreastSeg.Cli;
using BreastSeg.IO;
using BreastSeg.Notebooks;

namespace BreastSeg.Tests.Notebooks;

public class NotebookCatalogTests
{
    private static string MakeFolder(params string[] names)
    {
        string dir = Path.Combine(Path.GetTempPath(), "breastseg-catalog-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (string n in names) File.WriteAllText(Path.Combine(dir, n + ".ipynb"), "{}");
        return dir;
    }

    [Fact]
    public void SelectsByNamePrefixOrPathAndDefaultsToAllInOrder()
    {
        string dir = MakeFolder("02-entropy", "01-rf", "10-extra");
        Assert.Equal(["01-rf", "02-entropy", "10-extra"], NotebookCatalog.Select(dir, []).Select(Path.GetFileNameWithoutExtension));
        Assert.Equal("02-entropy", Path.GetFileNameWithoutExtension(NotebookCatalog.Select(dir, ["02"]).Single()));
        Assert.Equal("01-rf", Path.GetFileNameWithoutExtension(NotebookCatalog.Select(dir, ["01-rf.ipynb"]).Single()));
        Assert.Equal("10-extra", Path.GetFileNameWithoutExtension(NotebookCatalog.Select(dir, [Path.Combine(dir, "10-extra.ipynb")]).Single()));
    }

    [Fact]
    public void UnknownOrAmbiguousNamesAreInputErrors()
    {
        string dir = MakeFolder("01-a", "01-b");
        var unknown = Assert.Throws<BreastSegInputException>(() => NotebookCatalog.Select(dir, ["07"]));
        Assert.Contains("01-a, 01-b", unknown.Message);
        Assert.Throws<BreastSegInputException>(() => NotebookCatalog.Select(dir, ["01"]));
        Assert.Throws<BreastSegInputException>(() => NotebookCatalog.Select(MakeFolder(), []));
    }

    [Fact]
    public void CliReportsAnUnknownNotebookInOneLineWithExitCode2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["notebooks", "run", "no-such-notebook", "--no-build"], stdout, stderr);
        Assert.Equal(CliApp.BadInput, code);
        string error = stderr.ToString().Trim();
        Assert.StartsWith("breastseg: no-such-notebook: no such notebook", error);
        Assert.DoesNotContain("\n", error);
    }

    [Fact]
    public void KernelToolReadsThePinnedVersionAndRejectsFoldersWithoutManifest()
    {
        var tool = KernelTool.Find(KernelRun.RepositoryRoot);
        Assert.Equal("1.0.712001", tool.Version);
        Assert.Equal(KernelRun.RepositoryRoot, tool.RootFolder);
        string empty = Path.Combine(Path.GetTempPath(), "breastseg-no-manifest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(empty);
        if (!File.Exists("/dotnet-tools.json") && !File.Exists(Path.Combine(Path.GetTempPath(), "dotnet-tools.json")))
            Assert.Throws<BreastSegInputException>(() => KernelTool.Find(empty));
    }
}
