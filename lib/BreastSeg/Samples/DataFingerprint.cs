using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BreastSeg.Samples;

/// <summary>Content hashes for data-set fingerprints (SHA-256, lower-case hex). A file's hash depends on its bytes
/// only, so a copy elsewhere has the same fingerprint; it is remembered per process by (path, length, write time).</summary>
public static class DataFingerprint
{
    private static readonly ConcurrentDictionary<(string, long, long), string> Files = new();

    /// <summary>SHA-256 of the bytes of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new IO.BreastSegInputException(path, "data file not found");
        return Files.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc.Ticks), _ =>
        {
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    /// <summary>SHA-256 of <paramref name="parts"/> joined by a separator that cannot occur in them.</summary>
    public static string OfText(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts))));
}
