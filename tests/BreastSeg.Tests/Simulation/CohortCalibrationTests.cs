using System.Text.Json;
using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Tests.Simulation;

/// <summary>The frozen cohort calibration file and how cohorts record it.</summary>
public class CohortCalibrationTests
{
    [Fact]
    public void EmbeddedCalibrationIsVersionThreeAndConsistent()
    {
        var c = CohortCalibration.Current;
        Assert.Equal(3, c.Version);
        Assert.Equal("cohort-v3", c.Name);
        Assert.Equal(1, c.MalignantEchogenicity.Sum(m => m.Weight), 9);
        Assert.Equal(1, c.BenignEchogenicity.Sum(m => m.Weight), 9);
        // The default scanner takes its pulse from the file.
        Assert.Equal(c.PulseCenterFrequencyHz, ScannerSettings.Default.PulseCenterFrequencyHz);
        Assert.Equal(c.PulseFractionalBandwidth, ScannerSettings.Default.PulseFractionalBandwidth);
        // The targets it was fitted to are in the file with it.
        using var doc = JsonDocument.Parse(CohortCalibration.Text("cohort-v3"));
        Assert.Equal(1.17, doc.RootElement.GetProperty("targets").GetProperty("busiCnr64").GetProperty("benignMedian").GetDouble());
        // v3 keeps v2's fitted calibration (it adds structure, not a new fit).
        var v2 = CohortCalibration.Load("cohort-v2");
        Assert.Equal(v2.PulseCenterFrequencyHz, c.PulseCenterFrequencyHz);
        Assert.Equal(v2.MalignantEchogenicity, c.MalignantEchogenicity);
        Assert.Equal(v2.BenignWidthMedianMm, c.BenignWidthMedianMm);
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
            Assert.Equal("BreastSeg.Simulation cohort-v3", back.Generator);
            Assert.Equal(3, back.Options.CalibrationVersion);
            Assert.True(CohortFile.IsCurrent(path, o));
            // A sidecar of an older version (v1's or v2's generator name) is not reused.
            string current = File.ReadAllText(CohortSidecar.PathFor(path));
            foreach (string old in new[] { "BreastSeg.Simulation 1", "BreastSeg.Simulation cohort-v2" })
            {
                File.WriteAllText(CohortSidecar.PathFor(path), current.Replace("BreastSeg.Simulation cohort-v3", old));
                Assert.False(CohortFile.IsCurrent(path, o));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
