using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace BreastSeg.Notebooks;

/// <summary>Turns the kernel events of one cell into .ipynb outputs, as VS Code shows them.</summary>
internal static class CellOutputs
{
    /// <summary>Appends the outputs of <paramref name="events"/> to <paramref name="cell"/>; returns the error when the cell failed.</summary>
    public static string? Collect(IReadOnlyList<JsonObject> events, InteractiveDocumentElement cell)
    {
        var displays = new Dictionary<string, DisplayElement>();
        foreach (var e in events)
        {
            var body = e["event"] as JsonObject;
            switch (KernelSession.EventType(e))
            {
                case "DisplayedValueProduced":
                {
                    var display = new DisplayElement(FormattedValues(body));
                    cell.Outputs.Add(display);
                    if (body?["valueId"]?.GetValue<string>() is { } id) displays[id] = display;
                    break;
                }
                case "DisplayedValueUpdated":
                {
                    // An update replaces the display it names (progress bars, live loss curves); the copy keeps the last state.
                    if (body?["valueId"]?.GetValue<string>() is { } id && displays.TryGetValue(id, out var shown))
                    {
                        shown.Data.Clear();
                        foreach (var (mime, value) in FormattedValues(body)) shown.Data[mime] = value;
                    }
                    else
                    {
                        // The kernel's display(...).Update announces a display under one id and updates it under
                        // another: the first update becomes an output of its own, and later ones replace it.
                        var display = new DisplayElement(FormattedValues(body));
                        cell.Outputs.Add(display);
                        if (body?["valueId"]?.GetValue<string>() is { } newId) displays[newId] = display;
                    }
                    break;
                }
                case "ReturnValueProduced":
                {
                    var value = new ReturnValueElement();
                    foreach (var (mime, text) in FormattedValues(body)) value.Data[mime] = text;
                    cell.Outputs.Add(value);
                    break;
                }
                case "StandardOutputValueProduced":
                    cell.Outputs.Add(new TextElement(PlainText(body), "stdout"));
                    break;
                case "StandardErrorValueProduced":
                    cell.Outputs.Add(new TextElement(PlainText(body), "stderr"));
                    break;
                case "ErrorProduced":
                    cell.Outputs.Add(Error(body?["message"]?.GetValue<string>() ?? PlainText(body)));
                    break;
                case "CommandFailed":
                {
                    string message = body?["message"]?.GetValue<string>() ?? "the cell failed";
                    cell.Outputs.Add(Error(message));
                    return message;
                }
            }
        }
        return null;
    }

    /// <summary>A Jupyter error output: ename the exception type when the message starts with one, evalue the first line.</summary>
    public static ErrorElement Error(string message)
    {
        string[] lines = message.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        int colon = lines[0].IndexOf(": ", StringComparison.Ordinal);
        string name = colon > 0 && !lines[0][..colon].Contains(' ') && lines[0][..colon].Contains("Exception") ? lines[0][..colon] : "Error";
        // The constructor takes the value first, then the name.
        return new ErrorElement(lines[0], name, lines.Skip(1).ToArray());
    }

    private static Dictionary<string, object> FormattedValues(JsonObject? body)
    {
        var data = new Dictionary<string, object>();
        if (body?["formattedValues"] is JsonArray values)
            foreach (var v in values.OfType<JsonObject>())
            {
                if (v["suppressDisplay"]?.GetValue<bool>() == true) continue;
                if (v["mimeType"]?.GetValue<string>() is { } mime) data[mime] = v["value"]?.GetValue<string>() ?? "";
            }
        return data;
    }

    private static string PlainText(JsonObject? body) =>
        FormattedValues(body).TryGetValue("text/plain", out var text) ? (string)text : string.Join("\n", FormattedValues(body).Values);
}
