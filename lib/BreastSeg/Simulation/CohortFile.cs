using System.Text.Json;
using BreastSeg.IO;
using BreastSeg.Rf;

namespace BreastSeg.Simulation;

/// <summary>
/// Writes a simulated cohort to an OASBUD-layout MAT file plus its parameter sidecar (FILE.params.json). Finished cases
/// wait in FILE.mat.parts until the file is written, so an interrupted run resumes where it stopped.
/// </summary>
public static class CohortFile
{
    /// <summary>Simulates <paramref name="options"/> into <paramref name="path"/>; returns the case descriptions.
    /// <paramref name="caseDone"/> is called once per finished case (resumed cases included). Another process writing
    /// the same file is waited for (<see cref="FileLock"/>), so two never write one file at once.</summary>
    public static IReadOnlyList<Phantom.CaseDescription> Generate(CohortOptions options, string path, int threads = 0,
        Action? caseDone = null, Action<int>? resumed = null, CancellationToken cancel = default)
    {
        using var writing = FileLock.Acquire(path, cancel: cancel);
        return GenerateLocked(options, path, threads, caseDone, resumed, cancel);
    }

    /// <summary>Makes sure <paramref name="path"/> holds the cohort of <paramref name="options"/>: reused when current
    /// (<see cref="IsCurrent"/>), else simulated as <see cref="Generate"/> simulates it, <paramref name="simulating"/>
    /// called first. Processes that need the same cohort at once simulate it once: the others wait and reuse it.</summary>
    /// <returns>Whether the cohort was simulated (false: reused).</returns>
    public static bool Ensure(CohortOptions options, string path, Action simulating, int threads = 0,
        Action? caseDone = null, Action<int>? resumed = null, Action? waiting = null, CancellationToken cancel = default)
    {
        if (IsCurrent(path, options)) return false;
        using var writing = FileLock.Acquire(path, waiting, cancel);
        // Another process may have written it while this one waited for the lock.
        if (IsCurrent(path, options)) return false;
        simulating();
        GenerateLocked(options, path, threads, caseDone, resumed, cancel);
        return true;
    }

    private static IReadOnlyList<Phantom.CaseDescription> GenerateLocked(CohortOptions options, string path, int threads,
        Action? caseDone, Action<int>? resumed, CancellationToken cancel)
    {
        var descriptions = CaseGenerator.DescribeCohort(options);
        var cache = new CaseCache(CaseCache.DirectoryFor(path), CohortSidecar.Generator + JsonSerializer.Serialize(options, CohortSidecar.Json));
        if (cache.Count > 0) resumed?.Invoke(cache.Count);
        var rf = CohortSimulator.Simulate(descriptions, options.Scanner, threads, caseDone, cancel, cache);
        OasbudFile.Write(path, rf, ClassCoding.OneIsMalignant);
        cancel.ThrowIfCancellationRequested();
        CohortSidecar.Write(CohortSidecar.PathFor(path), options, descriptions);
        cache.Delete();
        return descriptions;
    }

    /// <summary>Whether <paramref name="path"/> and its sidecar exist and the sidecar records exactly <paramref name="options"/>.</summary>
    public static bool IsCurrent(string path, CohortOptions options)
    {
        string sidecar = CohortSidecar.PathFor(path);
        if (!File.Exists(path) || !File.Exists(sidecar)) return false;
        try
        {
            var contents = CohortSidecar.Read(sidecar);
            return contents.Generator == CohortSidecar.Generator && JsonSerializer.Serialize(contents.Options, CohortSidecar.Json) == JsonSerializer.Serialize(options, CohortSidecar.Json);
        }
        catch (IO.BreastSegInputException)
        {
            return false;
        }
    }
}
