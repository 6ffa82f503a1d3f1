using System.CommandLine;
using System.CommandLine.Parsing;

namespace BreastSeg.Cli.Options;

/// <summary>The command line a verb was run with, as a user would retype it (for reports).</summary>
internal static class CommandLine
{
    public static string Of(ParseResult p)
    {
        var verbs = new List<string>();
        for (SymbolResult? r = p.CommandResult; r is CommandResult c; r = c.Parent)
            if (c.Command is not RootCommand) verbs.Insert(0, c.Command.Name);
        var arguments = p.Tokens.Where(t => t.Type != TokenType.Command).Select(t => Quote(t.Value));
        return string.Join(' ', ["breastseg", .. verbs, .. arguments]);
    }

    private static string Quote(string s) => s.Length > 0 && s.All(ch => char.IsLetterOrDigit(ch) || "-_./+=:,".Contains(ch)) ? s : $"'{s.Replace("'", "'\\''")}'";
}
