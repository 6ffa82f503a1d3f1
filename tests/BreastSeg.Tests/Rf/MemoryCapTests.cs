using BreastSeg.Cli;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;
using static BreastSeg.Tests.Rf.MatBytes;

namespace BreastSeg.Tests.Rf;

/// <summary>Arrays whose declared size exceeds <see cref="MemoryCap"/> are refused before anything is allocated.</summary>
public class MemoryCapTests
{
    [Fact]
    public void DeclaredSizeOverTheCapIsOneLineNamingFileVariableSizeAndCap()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("declared.mat");
        // 50000 x 40000 doubles (14.9 GB) declared in a few bytes, no data behind them.
        var b = new MatBytes();
        File.WriteAllBytes(path, b.File(b.Matrix(b.Flags(mxDOUBLE), b.Dims(50000, 40000), b.Name("huge"), b.Tag(miDOUBLE, 0))));
        // The default cap (a quarter of available memory) is far below 14.9 GB on any machine that runs the suite.
        Assert.True(MemoryCap.Bytes < 14L << 30, "this machine's default cap is above the declared size; the test cannot run here");
        string line = Assert.Throws<BreastSegInputException>(() => MatFile.Read(path)).Message;
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith(path + ": ", line);
        Assert.Contains($"variable 'huge' (50000x40000 double) declares 14.9 GB, over the memory cap of {MemoryCap.Format(MemoryCap.Bytes)}", line);

        // inspect reads a summary instead (no allocation), and finds the data missing.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(CliApp.BadInput, CliApp.Run(["inspect", path], stdout, stderr));
        Assert.StartsWith($"breastseg: {path}: variable 'huge': real part: 0 bytes of miDOUBLE data for 2000000000 elements", stderr.ToString());
    }

    [Fact]
    public void EnvironmentVariableSetsTheCapOfAProcess()
    {
        using var dir = new MatTestData.TempDir();
        string path = dir.File("label.mat");
        MatFile.Write(path, [new("label", new MatChar(new string('a', 3000)))]);
        // The variable is read once per process, so the CLI runs as a child process here.
        string cli = Path.Combine(AppContext.BaseDirectory, "BreastSeg.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [cli, "inspect", path]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment[MemoryCap.EnvironmentVariable] = "4KB";
        using var child = System.Diagnostics.Process.Start(start)!;
        string error = child.StandardError.ReadToEnd();
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.Equal(CliApp.BadInput, child.ExitCode);
        Assert.Contains($"{path}: variable 'label' (1x3000 char) declares 5.9 KB, over the memory cap of 4 KB", error);

        start.Environment[MemoryCap.EnvironmentVariable] = "plenty";
        using var bad = System.Diagnostics.Process.Start(start)!;
        error = bad.StandardError.ReadToEnd();
        bad.StandardOutput.ReadToEnd();
        bad.WaitForExit();
        Assert.Equal(CliApp.BadInput, bad.ExitCode);
        Assert.Contains($"{MemoryCap.EnvironmentVariable}: 'plenty' is not a memory size", error);
    }

    [Fact]
    public void ParseAcceptsUnitsAndRefusesNonsense()
    {
        Assert.Equal(2L << 30, MemoryCap.Parse("2GB"));
        Assert.Equal(512L << 20, MemoryCap.Parse("512 mb"));
        Assert.Equal(1536L << 20, MemoryCap.Parse("1.5GB"));
        Assert.Equal(4096, MemoryCap.Parse("4096"));
        Assert.Throws<BreastSegInputException>(() => MemoryCap.Parse("lots"));
        Assert.Throws<BreastSegInputException>(() => MemoryCap.Parse("-1GB"));
        Assert.Equal(-1, MemoryCap.Product(long.MaxValue, 8));
    }
}
