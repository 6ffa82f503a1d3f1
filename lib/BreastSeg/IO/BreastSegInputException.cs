namespace BreastSeg.IO;

/// <summary>
/// Bad input from a user or a file: the one error type the kit lets escape for data and parameter problems.
/// The message is one line that names the source (a file, a case and view, an option) and the problem; the CLI prints
/// it and exits with code 2.
/// </summary>
public class BreastSegInputException : Exception
{
    /// <summary>The file, option or object the problem is in (for example a path, or "--window").</summary>
    public string Origin { get; }

    /// <summary>The problem, without the source.</summary>
    public string Problem { get; }

    /// <summary>Creates an error "SOURCE: PROBLEM".</summary>
    public BreastSegInputException(string source, string problem, Exception? inner = null)
        : base($"{OneLine(source)}: {OneLine(problem)}", inner)
    {
        Origin = source;
        Problem = OneLine(problem);
    }

    /// <summary>Control characters (a field name or text taken from a damaged file can hold line breaks) shown as
    /// <c>\uXXXX</c>, so the message stays one line.</summary>
    private static string OneLine(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) : text;
}
