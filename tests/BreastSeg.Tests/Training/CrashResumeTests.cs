using System.Diagnostics;
using BreastSeg.Maps;
using BreastSeg.Models;
using BreastSeg.Samples;
using BreastSeg.Torch;
using BreastSeg.Training;
using Xunit.Abstractions;

namespace BreastSeg.Tests.Training;

/// <summary>
/// A real `breastseg train` child process killed with SIGKILL at random moments during training, then run again to the
/// end, gives the same log, best model and evaluation as an uninterrupted run; after every kill each file in the run
/// folder is either complete or absent.
/// </summary>
[Collection(SerialTorchCollection.Name)]
public sealed class CrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Epochs = 6;
    private readonly string _dir = Directory.CreateTempSubdirectory("breastseg-crash-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void A_run_killed_at_random_moments_resumes_to_the_same_final_metrics()
    {
        TorchRuntime.EnsureLoaded();
        string data = SyntheticCohort.WriteFile(Path.Combine(_dir, "cohort.mat"), 8, seed: 4);
        string reference = Path.Combine(_dir, "reference");
        string killed = Path.Combine(_dir, "killed");
        string[] Args(string run)
        {
            var args = TrainedRunFixture.TrainArgs(data, run);
            args[Array.IndexOf(args, "--epochs") + 1] = Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return args;
        }

        Assert.Equal(0, RunChild(Args(reference), killAfterEpoch: null, new Random(0)));

        var random = new Random(20261201);
        int kills = 0;
        foreach (int epoch in new[] { random.Next(1, 3), random.Next(3, Epochs) })
        {
            int code = RunChild(Args(killed), killAfterEpoch: epoch, random);
            if (code == 0) continue; // finished before the kill landed
            kills++;
            EverythingPresentIsComplete(killed);
        }
        Assert.True(kills >= 1, "no kill landed during training");
        Assert.Equal(0, RunChild(Args(killed), killAfterEpoch: null, random));

        Assert.Equal(ModelTrainingTests.Numbers(reference), ModelTrainingTests.Numbers(killed));
        Assert.Equal(Epochs + 1, File.ReadAllLines(Path.Combine(killed, TrainingLog.FileName)).Length);
        // The model files' bytes differ only in the zip time stamps of their PyTorch pickles: compare the weights.
        Assert.Equal(Weights(reference), Weights(killed));
        var a = RunEvaluation.Evaluate(reference, "test");
        var b = RunEvaluation.Evaluate(killed, "test");
        Assert.Equal(a, b);
    }

    internal static float[] Weights(string run)
    {
        using var net = ModelFile.Load(Path.Combine(run, Trainer.BestModelFileName));
        return net.parameters().SelectMany(p => p.cpu().data<float>().ToArray()).ToArray();
    }

    // Every file the run folder shows is whole: the manifest, checkpoint and best model load (temporary files of an
    // interrupted write are hidden names that nothing reads).
    private static void EverythingPresentIsComplete(string run)
    {
        if (!Directory.Exists(run)) return;
        if (RunManifest.Exists(run)) RunManifest.Load(run);
        string checkpoint = Path.Combine(run, TrainingCheckpoint.FileName);
        if (File.Exists(checkpoint)) Assert.InRange(TrainingCheckpoint.ReadInfo(checkpoint).Epoch, 1, Epochs);
        string best = Path.Combine(run, Trainer.BestModelFileName);
        if (File.Exists(best)) ModelFile.Load(best).Dispose();
        string log = Path.Combine(run, TrainingLog.FileName);
        if (File.Exists(log)) Assert.StartsWith("epoch,", File.ReadAllText(log));
    }

    /// <summary>Runs `breastseg train` in a child process; with <paramref name="killAfterEpoch"/>, kills it (SIGKILL)
    /// a random 0-400 ms after that many epochs are logged. Returns the exit code (-1 when killed).</summary>
    private int RunChild(string[] args, int? killAfterEpoch, Random random)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "BreastSeg.Cli.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (string a in args) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEndAsync();
        string log = Path.Combine(args[Array.IndexOf(args, "--out") + 1], TrainingLog.FileName);
        if (killAfterEpoch is { } k)
        {
            while (!child.HasExited && (!File.Exists(log) || SafeLines(log) < k + 1)) Thread.Sleep(20);
            Thread.Sleep(random.Next(0, 400));
            if (!child.HasExited)
            {
                child.Kill(); // SIGKILL on Unix
                child.WaitForExit();
                output.WriteLine($"killed after epoch {SafeLines(log) - 1} (waited for {k})");
                return -1;
            }
        }
        if (!child.WaitForExit(TimeSpan.FromMinutes(10))) { child.Kill(); throw new TimeoutException("child did not finish"); }
        child.WaitForExit();
        output.WriteLine($"child exit {child.ExitCode}: {stderr.Result.Trim()}");
        Assert.True(child.ExitCode == 0, stderr.Result + stdout.Result);
        return child.ExitCode;
    }

    private static int SafeLines(string path)
    {
        try { return File.ReadAllLines(path).Length; } catch (IOException) { return 0; }
    }
}
