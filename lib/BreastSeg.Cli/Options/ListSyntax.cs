namespace BreastSeg.Cli.Options;

/// <summary>The CLI's one list syntax: comma-separated values, spaces around them ignored ("bmode, entropy").</summary>
internal static class ListSyntax
{
    public static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
