using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BreastSeg.Notebooks;

/// <summary>
/// One real dotnet-interactive kernel driven through its stdio mode: one JSON command per line in, one JSON event per
/// line out. The process is killed (with its children) on dispose, so a failing or interrupted run leaves no kernel.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly Queue<string> _stderrTail = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly EventHandler _killOnExit;
    private readonly SemaphoreSlim _stdin = new(1, 1);
    private int _nextToken;

    private KernelSession(Process process)
    {
        _process = process;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
        // The CLI may end without disposing (an unhandled exception, a second Ctrl+C): never leave a kernel behind.
        _killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    /// <summary>Whether the kernel process has ended (killed after a time-out, or crashed).</summary>
    public bool HasExited
    {
        get
        {
            try { return _process.HasExited; }
            catch (InvalidOperationException) { return true; }
        }
    }

    /// <summary>Time from process start to the kernel's KernelReady event.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Starts `dotnet tool run dotnet-interactive -- stdio --default-kernel csharp` in <paramref name="workingDirectory"/>
    /// (the notebook's folder, so its relative paths resolve as in VS Code) and waits for KernelReady.
    /// </summary>
    /// <param name="workingDirectory">The kernel's working directory; the tool manifest must be here or above.</param>
    /// <param name="environment">Extra environment variables for the kernel process (for example BREASTSEG_QUICK).</param>
    /// <param name="startTimeout">How long to wait for the kernel to become ready.</param>
    /// <param name="cancellationToken">Cancels the start (the process is killed).</param>
    public static async Task<KernelSession> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (string arg in new[] { "tool", "run", "dotnet-interactive", "--", "stdio", "--default-kernel", "csharp" })
            psi.ArgumentList.Add(arg);
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment) psi.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start `dotnet tool run dotnet-interactive`");
        var session = new KernelSession(process);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(startTimeout);
            try
            {
                while (true)
                {
                    var e = await session.ReadEventAsync(timeout.Token).ConfigureAwait(false);
                    if (e is null)
                        throw new KernelException($"the kernel exited before it was ready (exit code {session.ExitCode()}){session.StderrSuffix()}");
                    if (EventType(e) == "KernelReady") break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new KernelException($"the kernel was not ready after {startTimeout.TotalSeconds:0} s{session.StderrSuffix()}");
            }
            session.StartupTime = clock.Elapsed;
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Submits <paramref name="code"/> to kernel <paramref name="kernelName"/> and returns the events of that command
    /// (matched by token, including the kernel's child commands), ending with CommandSucceeded or CommandFailed.
    /// </summary>
    /// <exception cref="TimeoutException">The cell ran longer than <paramref name="timeout"/>; the kernel is killed.</exception>
    public async Task<IReadOnlyList<JsonObject>> SubmitCodeAsync(string code, string kernelName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string token = $"breastseg-{Interlocked.Increment(ref _nextToken)}";
        var envelope = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
            ["token"] = token,
        };
        await SendAsync(envelope, cancellationToken).ConfigureAwait(false);

        var events = new List<JsonObject>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var e = await ReadEventAsync(limit.Token).ConfigureAwait(false);
                if (e is null)
                    throw new KernelException($"the kernel exited while running the cell (exit code {ExitCode()}){StderrSuffix()}");
                string? eventToken = e["command"]?["token"]?.GetValue<string>();
                if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal))) continue;
                events.Add(e);
                if (eventToken == token && EventType(e) is "CommandSucceeded" or "CommandFailed") return events;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new TimeoutException($"the cell did not finish within {timeout.TotalSeconds:0} s (the kernel was stopped)");
        }
    }

    /// <summary>
    /// Sends the kernel's Cancel command, what a notebook's Stop button sends: the running cell's
    /// KernelInvocationContext.CancellationToken (<see cref="NotebookKernel.CellCancellation"/>) is cancelled.
    /// </summary>
    public Task CancelAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject
        {
            ["commandType"] = "Cancel",
            ["command"] = new JsonObject(),
            ["token"] = $"breastseg-cancel-{Interlocked.Increment(ref _nextToken)}",
        }, cancellationToken);

    private async Task SendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        // A Cancel may be sent while a cell's command is being written or running: one writer at a time.
        await _stdin.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteLineAsync(envelope.ToJsonString()).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally { _stdin.Release(); }
    }

    /// <summary>The event's type name (eventType), for example DisplayedValueProduced.</summary>
    public static string EventType(JsonObject e) => e["eventType"]?.GetValue<string>() ?? "";

    /// <summary>Kills the kernel process and its children.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        Kill();
        try { await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false); }
        catch (TimeoutException) { }
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    private async Task<JsonObject?> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            if (_events.Reader.TryRead(out var e)) return e;
        return null;
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                // The tool prints a welcome banner before its JSON; only whole JSON objects are events.
                if (!line.StartsWith('{')) continue;
                JsonObject? e;
                try { e = JsonNode.Parse(line) as JsonObject; }
                catch (JsonException) { continue; }
                if (e is not null) _events.Writer.TryWrite(e);
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(line);
                if (_stderrTail.Count > 20) _stderrTail.Dequeue();
            }
    }

    private string ExitCode()
    {
        try { return _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running"; }
        catch (InvalidOperationException) { return "unknown"; }
    }

    private string StderrSuffix()
    {
        lock (_stderrTail)
            return _stderrTail.Count == 0 ? "" : "; kernel stderr: " + string.Join(" | ", _stderrTail);
    }
}

/// <summary>The kernel process failed (exited, never became ready).</summary>
public sealed class KernelException(string message) : Exception(message);
