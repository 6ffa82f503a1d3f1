using System.Diagnostics;
using BreastSeg.IO;

namespace BreastSeg.Fuzzing;

/// <summary>What a campaign runs: how many cases, the seed, the formats, the time limit per case and the memory cap.</summary>
/// <param name="Count">Number of mutated files.</param>
/// <param name="Seed">Seed of the seeds and of every mutation: case i of a campaign is the same file on every run.</param>
/// <param name="OutFolder">Folder for the report and the files of failed cases.</param>
/// <param name="Formats">Formats to mutate, taken in turn.</param>
/// <param name="Timeout">Longest a case may take.</param>
/// <param name="CapBytes">Memory cap in force while reading (bytes): <see cref="MemoryCap"/> refuses larger arrays, and a
/// case whose reading thread allocates more is counted over cap.</param>
public sealed record FuzzOptions(int Count, int Seed, string OutFolder, IReadOnlyList<FuzzFormat> Formats, TimeSpan Timeout, long CapBytes);

/// <summary>
/// A seeded mutation-fuzzing campaign over the kit's readers: case i takes format i modulo the formats, a seed file of
/// it (<see cref="FuzzSeeds"/>) and a mutation (<see cref="FuzzMutator"/>) drawn from a generator seeded by (seed, i),
/// writes the file and reads it through <c>inspect</c> (given as a delegate: the CLI's code) on its own thread under the
/// memory cap and a time limit. Files of failed cases (crash, timeout, over cap) are kept in <c>OUT/failures/</c>.
/// Finished cases are recorded as they end in <c>OUT/cases.jsonl</c> (<see cref="FuzzJournal"/>): a campaign stopped
/// by its cancellation token or killed resumes on a re-run with the same seed, formats, time limit and cap, and a
/// re-run with other parameters in the same folder is refused.
/// </summary>
/// <remarks>In-process rather than a child process per case: 10,000 process starts would take most of an hour on two
/// cores. The heap is bounded by <see cref="MemoryCap"/>, which every reader checks before allocating, and each case's
/// allocations are counted on its thread. A timed-out case's thread cannot be stopped; it is left running in the
/// background and reported.</remarks>
public static class FuzzCampaign
{
    /// <summary>Runs the campaign, or the cases an earlier run in the same folder did not finish; <paramref name="inspect"/>
    /// reads one file (or image folder) as `inspect` does. Cancellation stops it after the running case.</summary>
    public static FuzzReport Run(FuzzOptions options, Action<string> inspect, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inspect);
        if (options.Count < 0) throw new BreastSegInputException("--count", $"must be at least 0, got {options.Count}");
        string work = Path.Combine(options.OutFolder, "work");
        string failures = Path.Combine(options.OutFolder, "failures");
        Directory.CreateDirectory(work);
        var seeds = options.Formats.ToDictionary(f => f, f => FuzzSeeds.Make(f, work, options.Seed));
        var cases = new List<FuzzCase>(options.Count);
        int resumed = 0;
        var clock = Stopwatch.StartNew();
        using var journal = FuzzJournal.Open(options);
        // The case threads inherit the scope (it flows with the execution context).
        using (MemoryCap.Scope(options.CapBytes))
        {
            for (int i = 0; i < options.Count && !cancel.IsCancellationRequested; i++)
            {
                if (journal.Finished.TryGetValue(i, out var done))
                {
                    cases.Add(done);
                    resumed++;
                    progress?.Report(i + 1);
                    continue;
                }
                var format = options.Formats[i % options.Formats.Count];
                var rng = new Random(CaseSeed(options.Seed, i));
                var seedFiles = seeds[format];
                var (data, how) = FuzzMutator.Mutate(format, seedFiles[rng.Next(seedFiles.Count)], rng);
                bool mutateMask = format == FuzzFormat.Png && rng.Next(2) == 0;
                if (mutateMask) how = $"mask: {how}";
                FuzzCase result;
                string? path = null;
                if (journal.Starts.GetValueOrDefault(i) >= 2)
                    result = new FuzzCase(i, format, how, FuzzOutcome.Crash, 0, 0, "the campaign process ended twice while reading it (started twice, never finished)");
                else
                {
                    journal.Started(i);
                    path = WriteCase(work, i, format, data, mutateMask, seedFiles);
                    result = RunOne(i, format, how, path, inspect, options);
                }
                if (result.Outcome is FuzzOutcome.Crash or FuzzOutcome.Timeout or FuzzOutcome.OverCap)
                {
                    Directory.CreateDirectory(failures);
                    File.WriteAllBytes(Path.Combine(failures, $"{i}-{FuzzFormats.Name(format)}-{result.Outcome.ToString().ToLowerInvariant()}{Extension(format)}"), data);
                }
                // Recorded after its failure file is written, so a recorded failure always has its file.
                journal.Finish(result);
                cases.Add(result);
                if (path is not null && result.Outcome != FuzzOutcome.Timeout) DeleteCase(path);
                progress?.Report(i + 1);
            }
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var report = new FuzzReport(options, cases, clock.Elapsed.TotalSeconds, self.PeakWorkingSet64, cases.Count < options.Count, resumed);
        AtomicFile.WriteAllText(Path.Combine(options.OutFolder, "report.json"), report.ToJson());
        return report;
    }

    /// <summary>The generator seed of case <paramref name="index"/>: a fixed mix (HashCode is randomised per process,
    /// which would make a campaign differ from run to run).</summary>
    private static int CaseSeed(int seed, int index) =>
        (int)(((uint)seed * 0x9E3779B1u ^ (uint)index * 0x85EBCA77u) & int.MaxValue);

    private static FuzzCase RunOne(int index, FuzzFormat format, string how, string path, Action<string> inspect, FuzzOptions options)
    {
        var outcome = FuzzOutcome.Crash;
        string? message = null;
        long allocated = 0;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                inspect(path);
                outcome = FuzzOutcome.Ok;
            }
            catch (BreastSegInputException e)
            {
                message = e.Message;
                outcome = e.Message.Contains('\n') ? FuzzOutcome.Crash : FuzzOutcome.Refused;
            }
            catch (Exception e)
            {
                message = $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
                outcome = FuzzOutcome.Crash;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true, Name = $"fuzz case {index}" };
        thread.Start();
        if (!thread.Join(options.Timeout))
            return new FuzzCase(index, format, how, FuzzOutcome.Timeout, clock.Elapsed.TotalSeconds, 0, $"still running after {options.Timeout.TotalSeconds:0} s");
        if (allocated > options.CapBytes && outcome != FuzzOutcome.Crash) outcome = FuzzOutcome.OverCap;
        return new FuzzCase(index, format, how, outcome, clock.Elapsed.TotalSeconds, allocated, message);
    }

    /// <summary>Writes case <paramref name="index"/>: a file, or for PNG an images/ + masks/ folder whose image or mask
    /// is the mutated file (the other a valid seed of the same size).</summary>
    private static string WriteCase(string work, int index, FuzzFormat format, byte[] data, bool mutateMask, List<byte[]> seeds)
    {
        if (format != FuzzFormat.Png)
        {
            string file = Path.Combine(work, $"case-{index}{Extension(format)}");
            File.WriteAllBytes(file, data);
            return file;
        }
        string folder = Path.Combine(work, $"case-{index}");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "masks"));
        File.WriteAllBytes(Path.Combine(folder, "images", "a.png"), mutateMask ? seeds[0] : data);
        File.WriteAllBytes(Path.Combine(folder, "masks", "a.png"), mutateMask ? data : seeds[^1]);
        return folder;
    }

    private static void DeleteCase(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }

    private static string Extension(FuzzFormat format) => format switch
    {
        FuzzFormat.Rf => ".rf",
        FuzzFormat.Png => ".png",
        _ => ".mat",
    };
}
