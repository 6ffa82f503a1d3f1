using System.Text;
using BreastSeg.Fuzzing;
using BreastSeg.IO;
using BreastSeg.Rf.Mat;

namespace BreastSeg.Tests.Fuzzing;

/// <summary>An interrupted campaign resumes from its journal (cases.jsonl) without re-running or losing finished cases,
/// and ends with exactly the cases of an uninterrupted campaign; a journal of other parameters is refused, a torn last
/// record ignored.</summary>
public class FuzzResumeTests
{
    private static FuzzOptions Options(string dir, int count, int seed = 8) =>
        new(count, seed, dir, [FuzzFormat.Mat5, FuzzFormat.Mat73], TimeSpan.FromSeconds(30), 256L << 20);

    private static List<(int, string, FuzzOutcome, string?)> Cases(FuzzReport report, string dir) =>
        report.Cases.Select(c => (c.Index, c.How, c.Outcome, c.Message?.Replace(dir, ""))).ToList();

    /// <summary>Reads as `inspect` does and counts the files it was given.</summary>
    private sealed class CountingInspect
    {
        public int Calls;
        public Action<string>? After;

        public void Read(string path)
        {
            Calls++;
            try
            {
                _ = MatFile.ReadSummaries(path).ToList();
            }
            finally
            {
                After?.Invoke(path);
            }
        }
    }

    [Fact]
    public void ASmallerCountThenALargerOneRunsOnlyTheNewCasesAndEqualsOneUninterruptedRun()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var reference = FuzzCampaign.Run(Options(b.Path, 30), new CountingInspect().Read);

        var first = new CountingInspect();
        var partial = FuzzCampaign.Run(Options(a.Path, 12), first.Read);
        Assert.Equal((12, 0, false), (first.Calls, partial.Resumed, partial.Interrupted));
        var second = new CountingInspect();
        var resumed = FuzzCampaign.Run(Options(a.Path, 30), second.Read);
        Assert.Equal((18, 12), (second.Calls, resumed.Resumed));
        Assert.Equal(Cases(reference, b.Path), Cases(resumed, a.Path));
        Assert.Contains("12 resumed from cases.jsonl", resumed.SummaryLines().First());

        // A smaller count again: the first cases from the journal, nothing run.
        var third = new CountingInspect();
        Assert.Equal(Cases(reference, b.Path).Take(5), Cases(FuzzCampaign.Run(Options(a.Path, 5), third.Read), a.Path));
        Assert.Equal(0, third.Calls);
    }

    [Fact]
    public void ACancelledCampaignKeepsItsFinishedCasesAndResumes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var reference = FuzzCampaign.Run(Options(b.Path, 20), new CountingInspect().Read);

        using var cancel = new CancellationTokenSource();
        var first = new CountingInspect();
        first.After = _ => { if (first.Calls == 7) cancel.Cancel(); };
        var stopped = FuzzCampaign.Run(Options(a.Path, 20), first.Read, cancel: cancel.Token);
        Assert.True(stopped.Interrupted);
        Assert.Equal(7, stopped.Cases.Count);
        Assert.Contains("(interrupted)", stopped.SummaryLines().First());

        var second = new CountingInspect();
        var resumed = FuzzCampaign.Run(Options(a.Path, 20), second.Read);
        Assert.Equal((13, 7, false), (second.Calls, resumed.Resumed, resumed.Interrupted));
        Assert.Equal(Cases(reference, b.Path), Cases(resumed, a.Path));
    }

    [Fact]
    public void ATornLastRecordIsIgnoredAndTheCaseRunAgain()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var reference = FuzzCampaign.Run(Options(b.Path, 10), new CountingInspect().Read);
        FuzzCampaign.Run(Options(a.Path, 6), new CountingInspect().Read);
        string journal = Path.Combine(a.Path, FuzzJournal.FileName);
        var lines = File.ReadAllLines(journal);
        // Cut the last record (case 5's) in half, as a kill during the write would.
        string last = lines[^1];
        Assert.StartsWith("{\"index\":5,", last);
        File.WriteAllText(journal, string.Join("\n", lines[..^1]) + "\n" + last[..(last.Length / 2)]);

        var second = new CountingInspect();
        var resumed = FuzzCampaign.Run(Options(a.Path, 10), second.Read);
        Assert.Equal((5, 5), (second.Calls, resumed.Resumed));
        Assert.Equal(Cases(reference, b.Path), Cases(resumed, a.Path));
        // The torn half is gone: every line of the journal is whole.
        Assert.All(File.ReadAllLines(journal), line => Assert.EndsWith("}", line));
        Assert.EndsWith("\n", File.ReadAllText(journal));
    }

    [Fact]
    public void ACaseThatKilledTheProcessTwiceIsRecordedAsACrashNotRunAgain()
    {
        using var a = new TempFolder();
        FuzzCampaign.Run(Options(a.Path, 3), new CountingInspect().Read);
        // Case 3 started twice and never finished: the process died while reading it, twice.
        File.AppendAllText(Path.Combine(a.Path, FuzzJournal.FileName), "{\"started\":3}\n{\"started\":3}\n", Encoding.UTF8);
        var inspect = new CountingInspect();
        var report = FuzzCampaign.Run(Options(a.Path, 5), inspect.Read);
        Assert.Equal(1, inspect.Calls); // case 4 only
        var crash = Assert.Single(report.Failures);
        Assert.Equal((3, FuzzOutcome.Crash), (crash.Index, crash.Outcome));
        Assert.Contains("ended twice", crash.Message);
        Assert.Single(Directory.GetFiles(Path.Combine(a.Path, "failures"), "3-*"));
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("cap")]
    [InlineData("formats")]
    [InlineData("timeout")]
    public void AJournalOfOtherParametersIsRefusedNamingIt(string changed)
    {
        using var a = new TempFolder();
        var options = Options(a.Path, 4);
        FuzzCampaign.Run(options, new CountingInspect().Read);
        var other = changed switch
        {
            "seed" => options with { Seed = 9 },
            "cap" => options with { CapBytes = 128L << 20 },
            "formats" => options with { Formats = [FuzzFormat.Mat5] },
            _ => options with { Timeout = TimeSpan.FromSeconds(5) },
        };
        var inspect = new CountingInspect();
        var e = Assert.Throws<BreastSegInputException>(() => FuzzCampaign.Run(other, inspect.Read));
        Assert.Equal(Path.Combine(a.Path, FuzzJournal.FileName), e.Origin);
        Assert.Contains("another campaign", e.Problem);
        Assert.Equal(0, inspect.Calls);
        // The journal is untouched: the original campaign still resumes from it.
        Assert.Equal(4, FuzzCampaign.Run(options, inspect.Read).Resumed);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("breastseg-fuzz-resume-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
