using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastSeg.IO;

namespace BreastSeg.Fuzzing;

/// <summary>
/// The append-only record of a campaign's finished cases (<c>OUT/cases.jsonl</c>), so an interrupted campaign resumes
/// where it stopped. The first line names the campaign (seed, formats, time limit, cap, mutator version); each further
/// line is one JSON object ending in a newline: a finished case, or a "started" marker written before a case runs. A
/// line without its newline or that does not parse (a write torn by a kill) is ignored and cut off before the next
/// append.
/// </summary>
/// <remarks>The count is not part of the identity: case i depends only on (seed, formats, i), so a larger count
/// continues a campaign and a smaller one reports its first cases. A case started twice without finishing killed the
/// process twice (a stack overflow, an abort under the heap limit): it is recorded as a crash instead of being run a
/// third time.</remarks>
internal sealed class FuzzJournal : IDisposable
{
    /// <summary>The journal's file name in the campaign folder.</summary>
    public const string FileName = "cases.jsonl";

    /// <summary>Bumped when a change to the seeds or the mutator makes case i a different file (2: the sparse v7.3 seed).</summary>
    private const int MutatorVersion = 2;

    private readonly FileStream _file;
    private readonly Dictionary<int, FuzzCase> _finished = [];
    private readonly Dictionary<int, int> _starts = [];

    /// <summary>Finished cases recorded by earlier runs, by index.</summary>
    public IReadOnlyDictionary<int, FuzzCase> Finished => _finished;

    /// <summary>How often each unfinished case was started by earlier runs.</summary>
    public IReadOnlyDictionary<int, int> Starts => _starts;

    /// <summary>Path of the journal.</summary>
    public string Path { get; }

    /// <summary>Opens (or starts) the journal of <paramref name="options"/>' campaign; one recorded by a campaign with
    /// other parameters is refused, naming them, so cases of two campaigns never mix.</summary>
    public static FuzzJournal Open(FuzzOptions options) => new(options);

    private FuzzJournal(FuzzOptions options)
    {
        Path = System.IO.Path.Combine(options.OutFolder, FileName);
        string identity = Identity(options);
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            long valid = Load(identity, options);
            // Cut off a torn last line so the next record starts on a line of its own.
            _file.SetLength(valid);
            _file.Position = valid;
            if (valid == 0) Append(identity);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Records that case <paramref name="index"/> is about to run.</summary>
    public void Started(int index) => Append(new JsonObject { ["started"] = index }.ToJsonString());

    /// <summary>Records a finished case.</summary>
    public void Finish(FuzzCase c)
    {
        var record = new JsonObject
        {
            ["index"] = c.Index,
            ["format"] = FuzzFormats.Name(c.Format),
            ["mutation"] = c.How,
            ["outcome"] = FuzzReport.Name(c.Outcome),
            ["seconds"] = c.Seconds,
            ["allocatedBytes"] = c.AllocatedBytes,
            ["message"] = c.Message,
        };
        Append(record.ToJsonString());
        _finished[c.Index] = c;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private static string Identity(FuzzOptions o) => new JsonObject
    {
        ["campaign"] = new JsonObject
        {
            ["seed"] = o.Seed,
            ["formats"] = string.Join(",", o.Formats.Select(FuzzFormats.Name)),
            ["timeoutSeconds"] = o.Timeout.TotalSeconds,
            ["capBytes"] = o.CapBytes,
            ["mutatorVersion"] = MutatorVersion,
        },
    }.ToJsonString();

    /// <summary>Reads the records; returns the length of the complete lines.</summary>
    private long Load(string identity, FuzzOptions options)
    {
        _file.Position = 0;
        var bytes = new byte[_file.Length];
        _file.ReadExactly(bytes);
        long valid = 0;
        bool first = true;
        while (valid < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', (int)valid);
            if (end < 0) break;
            string line = Encoding.UTF8.GetString(bytes, (int)valid, end - (int)valid);
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                break;
            }
            if (first)
            {
                if (line != identity)
                    throw new BreastSegInputException(Path, $"holds the cases of another campaign ({node?["campaign"]?.ToJsonString() ?? line}), not of seed {options.Seed}, formats {string.Join(",", options.Formats.Select(FuzzFormats.Name))}, timeout {options.Timeout.TotalSeconds} s, cap {options.CapBytes} bytes; give another --out folder or delete it to start over");
                first = false;
            }
            else if (!Record(node)) break;
            valid = end + 1;
        }
        if (first) return 0;
        return valid;
    }

    /// <summary>Takes one record; false for one that is not a record of this journal (damage: stop reading there).</summary>
    private bool Record(JsonNode? node)
    {
        if (node is not JsonObject o) return false;
        try
        {
            if (o["started"] is { } started)
            {
                int index = started.GetValue<int>();
                if (!_finished.ContainsKey(index)) _starts[index] = _starts.GetValueOrDefault(index) + 1;
                return true;
            }
            var format = FuzzFormats.Parse(o["format"]!.GetValue<string>()) is [var f] ? f : throw new FormatException();
            var outcome = Enum.GetValues<FuzzOutcome>().Single(v => FuzzReport.Name(v) == o["outcome"]!.GetValue<string>());
            var c = new FuzzCase(o["index"]!.GetValue<int>(), format, o["mutation"]!.GetValue<string>(), outcome,
                o["seconds"]!.GetValue<double>(), o["allocatedBytes"]!.GetValue<long>(), o["message"]?.GetValue<string>());
            _finished[c.Index] = c;
            _starts.Remove(c.Index);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            return false;
        }
    }

    /// <summary>Appends one line in one write and hands it to the operating system, so a finished case survives the
    /// process being killed right after. Not flushed to the disk: fsync per case made a 10,000-case campaign several
    /// times slower, and a machine crash costs at most the last cases, which a re-run redoes.</summary>
    private void Append(string line)
    {
        _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _file.Flush();
    }
}
