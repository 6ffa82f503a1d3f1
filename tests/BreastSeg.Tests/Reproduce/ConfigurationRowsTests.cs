using System.Text.Json;
using BreastSeg.Reproduce;
using Xunit;

namespace BreastSeg.Tests.Reproduce;

public class ConfigurationRowsTests
{
    private sealed record Inner(int Bins, string? Note, double[] Percentiles);
    private sealed record Outer(string? Data, string Preset, Inner Maps, int[] Seeds);

    [Fact]
    public void Nested_objects_become_dotted_rows_and_nulls_are_left_out()
    {
        var rows = ConfigurationRows.Of(new Outer(null, "quick", new Inner(32, null, [1, 99]), [1, 2, 3]), new JsonSerializerOptions());
        Assert.Equal(
            [new("Preset", "quick"), new("Maps.Bins", "32"), new("Maps.Percentiles", "1, 99"), new KeyValuePair<string, string>("Seeds", "1, 2, 3")],
            rows);
    }

    [Fact]
    public void Every_leaf_of_the_default_reproduce_configuration_is_one_row()
    {
        var rows = ConfigurationRows.Of(new ReproduceConfig(), ReproduceConfig.Json);
        Assert.Contains(rows, r => r.Key == "Experiment.Maps.Bins" && r.Value == "32");
        Assert.DoesNotContain(rows, r => r.Value.TrimStart().StartsWith('{'));
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
    }
}
