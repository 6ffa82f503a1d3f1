using BreastSeg.Rf;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Simulation;

/// <summary>Simulates the RF views of cases, in parallel over cases, with results independent of the thread count.</summary>
public static class CohortSimulator
{
    /// <summary>Simulates every view of one case.</summary>
    public static RfCase SimulateCase(CaseDescription c, ScannerSettings scanner)
    {
        var views = new RfView[c.Views.Count];
        for (int v = 0; v < views.Length; v++)
        {
            var (phantom, mask) = PhantomBuilder.Build(c, v, scanner);
            views[v] = new RfView(RfSimulator.Simulate(phantom, c.ScannerFor(scanner), c.TransmitFocusMm, c.Views[v].Seed), mask);
        }
        return new RfCase(c.Index, c.Id, views, c.BiRads, c.Malignant ? 1 : 0, c.Malignant);
    }

    /// <summary>
    /// Simulates <paramref name="cases"/> lazily, in order: batches of a few cases per thread are computed in parallel
    /// and yielded before the next batch starts, so memory stays bounded for large cohorts.
    /// </summary>
    /// <param name="cases">Case descriptions.</param>
    /// <param name="scanner">Probe and system.</param>
    /// <param name="threads">Worker threads (default: all cores).</param>
    /// <param name="caseDone">Called (from worker threads) after each case.</param>
    /// <param name="cancel">Stops between cases.</param>
    /// <param name="cache">Finished cases to reuse and to add to (resuming an interrupted run), or null.</param>
    public static IEnumerable<RfCase> Simulate(IReadOnlyList<CaseDescription> cases, ScannerSettings scanner, int threads = 0,
        Action? caseDone = null, CancellationToken cancel = default, CaseCache? cache = null)
    {
        int workers = threads > 0 ? threads : Environment.ProcessorCount;
        int batch = 2 * workers;
        for (int start = 0; start < cases.Count; start += batch)
        {
            cancel.ThrowIfCancellationRequested();
            int count = Math.Min(batch, cases.Count - start);
            var done = new RfCase[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, k =>
            {
                var d = cases[start + k];
                var c = cache?.TryLoad(d, scanner.Acquisition);
                if (c is null)
                {
                    c = SimulateCase(d, scanner);
                    cache?.Store(c);
                }
                done[k] = c;
                caseDone?.Invoke();
            });
            foreach (var c in done) yield return c;
        }
    }
}
