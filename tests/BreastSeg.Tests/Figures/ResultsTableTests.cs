using System.Globalization;
using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public class ResultsTableTests
{
    private static ResultsTable Random(int seed)
    {
        var rng = new Random(seed);
        var models = new[] { "B-mode", "entropy", "B-mode + entropy, \"stacked\"" }
            .Select(m =>
            {
                double mean = rng.NextDouble(), half = rng.NextDouble() * 0.1;
                return new ModelSummary(m, rng.Next(5, 200), mean, rng.NextDouble(), mean - half, mean + half, m == "entropy" ? "entropy" : null);
            }).ToList();
        double diff = rng.NextDouble() - 0.5, halfWidth = 0.1 * rng.NextDouble();
        return new ResultsTable(models, new PairedComparison("B-mode", "entropy", Math.Pow(10, -8 * rng.NextDouble()), models[0].Cases,
            "Wilcoxon signed-rank (exact)", diff, diff - halfWidth, diff + halfWidth, diff * 0.9), StudyResults.Byra2020, "simulated cohort");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Csv_parses_back_to_the_input_numbers(int seed)
    {
        var table = Random(seed);
        var rows = ParseCsv(table.ToCsv());
        Assert.Equal(ResultsTable.CsvColumns, rows[0]);
        Assert.Equal(1 + table.Models.Count + table.Study!.Models.Count, rows.Count);
        int Col(string name) => Array.IndexOf(ResultsTable.CsvColumns, name);
        double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

        for (int i = 0; i < table.Models.Count; i++)
        {
            var m = table.Models[i];
            var row = rows[1 + i];
            Assert.Equal("this run", row[Col("source")]);
            Assert.Equal("simulated cohort", row[Col("data")]);
            Assert.Equal(m.Model, row[Col("model")]);
            Assert.Equal(m.Cases, int.Parse(row[Col("masses")], CultureInfo.InvariantCulture));
            Assert.Equal(m.MeanDice, D(row[Col("mean_dice")]));
            Assert.Equal(m.MedianDice, D(row[Col("median_dice")]));
            Assert.Equal(m.CiLow, D(row[Col("ci95_low")]));
            Assert.Equal(m.CiHigh, D(row[Col("ci95_high")]));
            if (m.Model is "B-mode" or "entropy")
            {
                Assert.Equal(table.Comparison!.PValue, D(row[Col("p_value")]));
                Assert.Equal(m.Model == "B-mode" ? "entropy" : "B-mode", row[Col("compared_with")]);
                // This row's model minus the compared one: the entropy row carries entropy - B-mode, the B-mode row its negative.
                var c = table.Comparison;
                double sign = m.Model == "entropy" ? 1 : -1;
                Assert.Equal(sign * c.MeanDifference, D(row[Col("mean_difference")]), 15);
                Assert.True(D(row[Col("difference_ci95_low")]) <= sign * c.MeanDifference && sign * c.MeanDifference <= D(row[Col("difference_ci95_high")]));
                Assert.Equal(sign * c.HodgesLehmann, D(row[Col("hodges_lehmann")]), 15);
            }
            else Assert.Equal("", row[Col("p_value")]);
        }
        for (int i = 0; i < table.Study.Models.Count; i++)
        {
            var s = table.Study.Models[i];
            var row = rows[1 + table.Models.Count + i];
            Assert.Equal(StudyResults.Label, row[Col("source")]);
            Assert.Equal(s.Model, row[Col("model")]);
            Assert.Equal(s.TestCases, int.Parse(row[Col("masses")], CultureInfo.InvariantCulture));
            Assert.Equal(s.MeanDice, D(row[Col("mean_dice")]));
            Assert.Equal(s.MedianDice, D(row[Col("median_dice")]));
            Assert.Equal("", row[Col("ci95_low")]);
        }
    }

    [Fact]
    public void Markdown_shows_rounded_numbers_and_labels_the_study_as_its_own_data()
    {
        var table = new ResultsTable(
            [new ModelSummary("B-mode", 40, 0.61234, 0.6, 0.55049, 0.6696), new ModelSummary("entropy", 40, 0.7, 0.72, 0.64, 0.74)],
            new PairedComparison("B-mode", "entropy", 0.0123456, 40), StudyResults.Byra2020, "simulated cohort");
        string md = table.ToMarkdown();
        Assert.Contains("| B-mode | this run (simulated cohort) | 40 | 0.612 | 0.600 | 0.550 to 0.670 |", md);
        Assert.Contains("| entropy | study (its patient data) | 81 | 0.600 | 0.710 | not reported |", md);
        Assert.Contains("| B-mode | study (its patient data) | 81 | 0.530 | 0.590 | not reported |", md);
        Assert.Contains("| entropy - B-mode (primary) | 40 | n/a | n/a to n/a | n/a | Wilcoxon signed-rank | 0.0123 |", md);
        Assert.Contains("The unit is the mass", md);
        Assert.Contains("different data (simulated cohort)", md);
    }

    [Theory]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.999, "0.999")]
    [InlineData(0.000012345, "1.23e-5")]
    [InlineData(double.NaN, "n/a")]
    public void P_values_are_formatted_to_three_significant_digits(double p, string expected) =>
        Assert.Equal(expected, ResultsTable.P(p));

    [Fact]
    public void Save_writes_markdown_and_csv()
    {
        string dir = Directory.CreateTempSubdirectory("breastseg-table-").FullName;
        try
        {
            var (md, csv) = Random(9).Save(Path.Combine(dir, "dice-table"));
            Assert.Equal(Random(9).ToMarkdown(), File.ReadAllText(md));
            Assert.Equal(Random(9).ToCsv(), File.ReadAllText(csv));
            Assert.Equal(Random(9).ComparisonsCsv(), File.ReadAllText(Path.Combine(dir, "dice-table-comparisons.csv")));
            Assert.Equal(3, Directory.GetFiles(dir).Length);   // no temporary files left
        }
        finally { Directory.Delete(dir, true); }
    }

    // RFC 4180 reader, independent of the writer.
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); }
            else field.Append(ch);
        }
        Assert.Empty(row);
        return rows;
    }
}
