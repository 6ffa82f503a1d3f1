using System.Text.Json;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Tests.Simulation;

/// <summary>The frozen cohort calibration file and how cohorts record it.</summary>
public class CohortCalibrationTests
{
    [Fact]
    public void EmbeddedCalibrationIsVersionTwoAndConsistent()
    {
        var c = CohortCalibration.Current;
        Assert.Equal(2, c.Version);
        Assert.Equal("cohort-v2", c.Name);
        Assert.Equal(1, c.MalignantEchogenicity.Sum(m => m.Weight), 9);
        Assert.Equal(1, c.BenignEchogenicity.Sum(m => m.Weight), 9);
        // The default scanner takes its pulse from the file.
        Assert.Equal(c.PulseCenterFrequencyHz, ScannerSettings.Default.PulseCenterFrequencyHz);
        Assert.Equal(c.PulseFractionalBandwidth, ScannerSettings.Default.PulseFractionalBandwidth);
        // The targets it was fitted to are in the file with it.
        using var doc = JsonDocument.Parse(CohortCalibration.Text("cohort-v2"));
        Assert.Equal(1.17, doc.RootElement.GetProperty("targets").GetProperty("busiCnr64").GetProperty("benignMedian").GetDouble());
    }

    [Fact]
    public void DefaultPulseHasTheSpeckleSizeOfTheRealScanner()
    {
        // Closed forms: axial FWHM 0.441 c / (B f0); lateral pulse-echo FWHM ~ lambda F# (tx F# 3, rx F# 1.8 combined).
        // Real phant1.rf (L14-5/38): 188-235 um axially, 0.53-0.65 mm laterally (envelope autocovariance FWHM).
        var s = ScannerSettings.Default;
        double axialUm = 0.441 * 1540 / (s.PulseFractionalBandwidth * s.PulseCenterFrequencyHz) * 1e6;
        Assert.InRange(axialUm, 180, 235);
        Assert.Equal(axialUm, s.AxialFwhmMm * 1e3, 0);
        Assert.InRange(s.LateralFwhmAtFocusMm, 0.5, 0.65);
        // The RF file still records the probe's nominal 10 MHz: the maps' pulse length uses the acquisition.
        Assert.Equal(10e6, s.Acquisition.CenterFrequencyHz);
    }

    [Fact]
    public void SidecarRecordsTheCohortVersionAndAnOldCohortIsNotCurrent()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var o = new CohortOptions { Cases = 1, Seed = 3 };
            string path = Path.Combine(dir, "c.mat");
            File.WriteAllText(path, "placeholder");
            CohortSidecar.Write(CohortSidecar.PathFor(path), o, CaseGenerator.DescribeCohort(o));
            var back = CohortSidecar.Read(CohortSidecar.PathFor(path));
            Assert.Equal("BreastSeg.Simulation cohort-v2", back.Generator);
            Assert.Equal(2, back.Options.CalibrationVersion);
            Assert.True(CohortFile.IsCurrent(path, o));
            // A version-1 sidecar (old generator name) is not reused.
            string text = File.ReadAllText(CohortSidecar.PathFor(path)).Replace("BreastSeg.Simulation cohort-v2", "BreastSeg.Simulation 1");
            File.WriteAllText(CohortSidecar.PathFor(path), text);
            Assert.False(CohortFile.IsCurrent(path, o));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
