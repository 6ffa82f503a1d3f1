using BreastSeg.Simulation;
using BreastSeg.Simulation.Phantom;

namespace BreastSeg.Tests.Simulation;

/// <summary>Masks against the 3-D mass geometry, and the two views as perpendicular slices.</summary>
public class PhantomTests
{
    private static readonly ScannerSettings Scanner = ScannerSettings.Default;

    private static CaseDescription Ellipsoid(double halfWidth, double halfElevation, double halfHeight, double yawDeg, double tiltDeg = 0)
    {
        var c = CaseGenerator.Describe(new CohortOptions { Seed = 5 }, 0, MassClass.Benign);
        var shape = new MassShape(new Vec3(halfWidth, halfElevation, halfHeight), tiltDeg, yawDeg, [], []);
        // The exact outline (no reader variability): these tests check the geometry of the mask.
        return c with
        {
            ReaderVariability = 0,
            Mass = c.Mass with { Shape = shape, HaloMm = 0, DepthMm = 20 },
            Views = c.Views.Select(v => v with { MassLateralMm = 1.5 }).ToArray(),
        };
    }

    private static (double Width, double Height, double Area) Extent(bool[] mask, int n, int lines)
    {
        double dz = Scanner.Acquisition.AxialSpacingMm, pitch = Scanner.Acquisition.LinePitchMm(lines);
        int count = mask.Count(b => b);
        var cols = Enumerable.Range(0, lines).Where(j => Enumerable.Range(0, n).Any(i => mask[j * n + i])).ToArray();
        var rows = Enumerable.Range(0, n).Where(i => cols.Any(j => mask[j * n + i])).ToArray();
        return ((cols.Max() - cols.Min() + 1) * pitch, (rows.Max() - rows.Min() + 1) * dz, count * pitch * dz);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(90.0)]
    public void PerpendicularViewsSliceTheSameEllipsoid(double yaw)
    {
        var c = Ellipsoid(9, 6, 5, yaw);
        var (p1, m1) = PhantomBuilder.Build(c, 0, Scanner);
        var (_, m2) = PhantomBuilder.Build(c, 1, Scanner);
        var e1 = Extent(m1.Data, c.Samples, 510);
        var e2 = Extent(m2.Data, c.Samples, 510);
        // View 1 cuts the world X-Z plane, view 2 the Y-Z plane; yaw 90 swaps width and elevation.
        double w1 = yaw == 0 ? 18 : 12, w2 = yaw == 0 ? 12 : 18;
        Assert.InRange(e1.Width, w1 - 0.2, w1 + 0.2);
        Assert.InRange(e2.Width, w2 - 0.2, w2 + 0.2);
        Assert.InRange(e1.Height, 9.9, 10.1);
        Assert.InRange(e2.Height, 9.9, 10.1);
        Assert.InRange(e1.Area / (Math.PI * w1 / 2 * 5), 0.98, 1.02);
        Assert.InRange(e2.Area / (Math.PI * w2 / 2 * 5), 0.98, 1.02);
        // The mask is exactly the mass label.
        for (int k = 0; k < m1.Data.Length; k++)
            Assert.Equal(m1.Data[k], p1.Labels[k] == (byte)PhantomBuilder.Label.Mass);
    }

    [Fact]
    public void TiltedMassIsTallerThanWideInTheTiltedView()
    {
        var c = Ellipsoid(9, 6, 4, 0, tiltDeg: 90);
        var (_, m1) = PhantomBuilder.Build(c, 0, Scanner);
        var e = Extent(m1.Data, c.Samples, 510);
        Assert.InRange(e.Width, 7.8, 8.2);
        Assert.InRange(e.Height, 17.8, 18.2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MaskMatchesThreeDimensionalShape(bool spiculated)
    {
        // Generated malignant masses (lobulated, spiculated or not): every mask pixel against MassShape.Contains
        // evaluated exactly at the pixel centre (the builder uses a tabulated outline).
        var c = Enumerable.Range(1, 50).Select(seed => CaseGenerator.Describe(new CohortOptions { Seed = seed }, 0, MassClass.Malignant))
            .First(d => d.Mass.Shape.Spicules.Count > 0 == spiculated) with { ReaderVariability = 0 };
        double dz = Scanner.Acquisition.AxialSpacingMm, pitch = Scanner.Acquisition.LinePitchMm(510);
        for (int v = 0; v < 2; v++)
        {
            var (_, mask) = PhantomBuilder.Build(c, v, Scanner);
            int disagree = 0, inside = 0;
            for (int j = 0; j < 510; j += 3)
            for (int i = 0; i < c.Samples; i += 3)
            {
                var w = PhantomBuilder.ToWorld(c.Views[v], c.Mass.DepthMm, (j - 254.5) * pitch, i * dz);
                bool exact = c.Mass.Shape.Contains(w);
                if (exact) inside++;
                if (exact != mask[i, j]) disagree++;
            }
            Assert.True(inside > 500, "the mass should be in the frame");
            Assert.True(disagree < 0.01 * inside, $"view {v + 1}: {disagree} of {inside} pixels disagree");
        }
    }
}

/// <summary>Spiculated masses: the painted slice against the 3-D shape's own membership test.</summary>
public class SpiculatedSliceTests
{
    [Fact]
    public void BodyRotationToWorldInvertsToBody()
    {
        var r = new Random(4);
        for (int k = 0; k < 100; k++)
        {
            var rot = new BodyRotation(r.Uniform(-90, 90), r.Uniform(0, 360));
            var w = new Vec3(r.Uniform(-5, 5), r.Uniform(-5, 5), r.Uniform(-5, 5));
            var back = rot.ToWorld(rot.ToBody(w));
            Assert.Equal(0, (back - w).Length, 12);
        }
    }

    [Fact]
    public void SliceOfASpiculatedMassIsTheShapeInThatPlane()
    {
        var o = new CohortOptions { Seed = 21, Cases = 40 };
        var scanner = ScannerSettings.Default;
        double dz = scanner.Acquisition.AxialSpacingMm, pitch = scanner.Acquisition.LinePitchMm(510);
        int checkedWithSpicules = 0;
        foreach (var d in CaseGenerator.DescribeCohort(o).Where(d => d.Mass.Shape.Spicules.Count > 0).Take(3))
        {
            var c = d with { ReaderVariability = 0 };
            var frame = c.Mass.Shape.BodyFrame();
            for (int view = 0; view < 2; view++)
            {
                var (p, _) = PhantomBuilder.Build(c, view, scanner);
                var v = c.Views[view];
                int n = c.Samples, painted = 0, wrong = 0, inSpicule = 0;
                for (int j = 0; j < 510; j++)
                for (int i = 0; i < n; i++)
                {
                    var w = PhantomBuilder.ToWorld(v, c.Mass.DepthMm, (j - 509 / 2.0) * pitch, i * dz);
                    bool expected = c.Mass.Shape.Contains(w, frame);
                    bool got = p.Labels[j * n + i] == (byte)PhantomBuilder.Label.Mass;
                    painted += got ? 1 : 0;
                    wrong += expected != got ? 1 : 0;
                    var q = frame.ToBody(w);
                    if (expected && q.Length > c.Mass.Shape.RadiusAlong((1 / q.Length) * q)) inSpicule++;
                }
                // Only boundary pixels may differ (the in-plane radius table is interpolated): under 2 % of the mass.
                Assert.True(painted > 1000);
                Assert.True(wrong < 0.02 * painted, $"case {c.Index} view {view}: {wrong} of {painted} pixels differ ({inSpicule} spicule pixels)");
                if (inSpicule > 50) checkedWithSpicules++;
            }
        }
        Assert.True(checkedWithSpicules > 0, "no slice of the candidates crosses a spicule");
    }
}
