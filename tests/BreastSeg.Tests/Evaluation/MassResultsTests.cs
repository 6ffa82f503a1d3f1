using BreastSeg.Evaluation;

namespace BreastSeg.Tests.Evaluation;

public class MassResultsTests
{
    internal static CaseResult View(int mass, int view, double dice, double areaMm2 = 50, bool malignant = false) =>
        new(mass, $"case{mass}", view, malignant, dice, double.NaN, double.NaN, double.NaN, double.NaN, areaMm2, areaMm2);

    [Fact]
    public void A_mass_is_the_mean_of_its_scored_views_and_nan_views_drop_out()
    {
        var masses = MassResults.FromViews([
            View(3, 2, 0.8), View(3, 1, 0.6), View(1, 1, 0.0), View(1, 2, 0.5),
            View(2, 1, double.NaN, areaMm2: 0), View(2, 2, 0.9, areaMm2: 40), View(5, 1, double.NaN, 0), View(5, 2, double.NaN, 0),
        ]);
        Assert.Equal([1, 2, 3, 5], masses.Select(m => m.CaseIndex));
        Assert.Equal(0.25, masses[0].Dice, 12);                // an empty prediction (Dice 0) counts
        Assert.Equal(0.9, masses[1].Dice, 12);                 // the empty-reference view is left out
        Assert.Equal((1, 2), (masses[1].ScoredViews, masses[1].Views));
        Assert.Equal(40, masses[1].ReferenceAreaMm2, 12);      // area from views with a lesion only
        Assert.Equal(0.7, masses[2].Dice, 12);
        Assert.Equal([0.6, 0.8], masses[2].ViewDice);          // view order
        Assert.True(double.IsNaN(masses[3].Dice));             // nothing to score: excluded from statistics
        Assert.Equal([0.25, 0.9, 0.7], MassResults.Dice(masses));
    }

    [Fact]
    public void Equivalent_diameter_is_that_of_a_disc_of_the_mean_area()
    {
        var m = MassResults.FromViews([View(0, 1, 0.5, areaMm2: Math.PI * 25), View(0, 2, 0.5, areaMm2: Math.PI * 25)])[0];
        Assert.Equal(10, m.EquivalentDiameterMm, 12);
    }

    [Fact]
    public void Pairing_needs_the_same_masses_and_keeps_those_scored_by_both()
    {
        var a = MassResults.FromViews([View(0, 1, 0.5), View(1, 1, double.NaN), View(2, 1, 0.7)]);
        var b = MassResults.FromViews([View(2, 1, 0.1), View(1, 1, 0.3), View(0, 1, 0.2)]);
        var pairs = MassResults.Pair(a, b);
        Assert.Equal([(0, 0), (2, 2)], pairs.Select(p => (p.A.CaseIndex, p.B.CaseIndex)));
        Assert.Throws<ArgumentException>(() => MassResults.Pair(a, b.Take(2).ToList()));
        Assert.Throws<ArgumentException>(() => MassResults.FromViews([View(0, 1, 0.5), View(0, 1, 0.6)]));
    }
}
