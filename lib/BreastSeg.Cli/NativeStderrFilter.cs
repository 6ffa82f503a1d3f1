using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace BreastSeg.Cli;

/// <summary>
/// libtorch prints "Could not initialize NNPACK! Reason: Unsupported hardware." to the native stderr hundreds of times
/// on CPUs NNPACK does not support (TORCH_CPP_LOG_LEVEL does not silence it, and TorchSharp cannot switch NNPACK off),
/// burying the progress display. On Linux the process's fd 2 is routed through a pipe that drops those lines and
/// forwards everything else; .NET's own Console.Error writes straight to the original stderr, so the CLI's error lines
/// never wait behind the filter.
/// </summary>
internal static partial class NativeStderrFilter
{
    private static readonly byte[][] Dropped = [Encoding.ASCII.GetBytes("Could not initialize NNPACK")];

    /// <summary>Installs the filter (Linux only; a no-op where anything fails).</summary>
    public static void Install()
    {
        if (!OperatingSystem.IsLinux()) return;
        int original = dup(2);
        if (original < 0) return;
        var fds = new int[2];
        if (pipe(fds) != 0 || dup2(fds[1], 2) < 0)
        {
            close(original);
            return;
        }
        close(fds[1]);
        var stderr = new StreamWriter(new FileStream(new SafeFileHandle(original, ownsHandle: false), FileAccess.Write, 1)) { AutoFlush = true };
        Console.SetError(stderr);
        var thread = new Thread(() => Pump(fds[0], stderr.BaseStream)) { IsBackground = true, Name = "native stderr filter" };
        thread.Start();
    }

    private static void Pump(int source, Stream target)
    {
        var buffer = new byte[8192];
        var line = new List<byte>();
        while (true)
        {
            nint n = read(source, buffer, buffer.Length);
            if (n <= 0) return;
            for (int i = 0; i < n; i++)
            {
                line.Add(buffer[i]);
                if (buffer[i] != (byte)'\n') continue;
                var bytes = line.ToArray();
                line.Clear();
                if (Dropped.Any(d => bytes.AsSpan().IndexOf(d) >= 0)) continue;
                target.Write(bytes);
                target.Flush();
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldFd, int newFd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pipe([Out] int[] fds);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, [Out] byte[] buffer, nint count);
}
