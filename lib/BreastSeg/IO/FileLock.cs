namespace BreastSeg.IO;

/// <summary>
/// An exclusive lock between processes on FILE.lock beside a file, so that of several processes (notebook kernels,
/// test runs, a CLI run) that would write the same output only one writes it while the others wait.
/// </summary>
/// <remarks>The lock file is left in place when released: deleting it would let a waiter lock the unlinked file while a
/// newcomer locks a fresh one of the same name, and both would write.</remarks>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file of <paramref name="path"/>.</summary>
    public static string PathFor(string path) => Path.GetFullPath(path) + ".lock";

    /// <summary>Takes the lock of <paramref name="path"/>, waiting while another process holds it;
    /// <paramref name="waiting"/> is called once if it has to wait.</summary>
    public static FileLock Acquire(string path, Action? waiting = null, CancellationToken cancel = default)
    {
        string lockPath = PathFor(path);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        bool told = false;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None is an exclusive lock on the open file (flock on Unix), released when it is closed.
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                if (!told) waiting?.Invoke();
                told = true;
                cancel.WaitHandle.WaitOne(200);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
