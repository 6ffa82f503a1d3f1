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
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The default cap (a quarter of available memory) is far below 14.9 GB on any machine that runs the suite;
        // --max-memory is not used here because the cap is process-wide and other tests run in parallel.
        Assert.True(MemoryCap.Bytes < 14L << 30, "this machine's default cap is above the declared size; the test cannot run here");
        int code = CliApp.Run(["inspect", path], stdout, stderr);
        Assert.Equal(CliApp.BadInput, code);
        string line = stderr.ToString().TrimEnd();
        Assert.DoesNotContain('\n', line);
        Assert.Contains(path, line);
        Assert.Contains($"variable 'huge' (50000x40000 double) declares 14.9 GB, over the memory cap of {MemoryCap.Format(MemoryCap.Bytes)}", line);
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
