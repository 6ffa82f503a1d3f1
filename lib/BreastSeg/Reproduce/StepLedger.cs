using System.Security.Cryptography;
using System.Text;
using BreastSeg.IO;

namespace BreastSeg.Reproduce;

/// <summary>
/// Remembers which steps of a run finished and with which inputs: a step is skipped on a re-run only when its marker
/// holds the same key (a hash of everything it depends on), so a changed parameter redoes exactly the steps it touches.
/// Markers are written after the step's outputs, atomically.
/// </summary>
public sealed class StepLedger(string folder)
{
    /// <summary>Whether step <paramref name="step"/> finished with inputs <paramref name="key"/>.</summary>
    public bool IsDone(string step, string key)
    {
        string path = MarkerPath(step);
        return File.Exists(path) && File.ReadAllText(path).Trim() == key;
    }

    /// <summary>Records that step <paramref name="step"/> finished with inputs <paramref name="key"/>.</summary>
    public void MarkDone(string step, string key) => AtomicFile.WriteAllText(MarkerPath(step), key + "\n");

    /// <summary>A stable hex key of <paramref name="parts"/>.</summary>
    public static string Key(params object?[] parts)
    {
        var text = string.Join("\u001f", parts.Select(p => p switch
        {
            null => "null",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            System.Collections.IEnumerable e and not string => string.Join(",", e.Cast<object?>()),
            _ => p.ToString(),
        }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>A key that changes when the file at <paramref name="path"/> changes (full path, length, write time).</summary>
    public static string FileKey(string path)
    {
        var info = new FileInfo(path);
        return Key(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
    }

    private string MarkerPath(string step) => Path.Combine(folder, "steps", step + ".done");
}
