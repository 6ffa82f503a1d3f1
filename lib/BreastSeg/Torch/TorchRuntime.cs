using System.Runtime.InteropServices;

namespace BreastSeg.Torch;

/// <summary>
/// Makes TorchSharp's native libraries load from this kit's own folder. Where no deps.json guides loading (a notebook's
/// #r of the dll), a system libtorch (Debian's python3-torch or libtorch-dev) would otherwise shadow the NuGet build and
/// fail with an undefined symbol; loading the package's libraries by full path first avoids it, and avoids TorchSharp's
/// fallback that copies ~480 MB into a cpu/ folder.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool _loaded;

    private static readonly string[] LinuxOrder = ["libc10.so", "libtorch_cpu.so", "libtorch.so", "libLibTorchSharp.so"];

    /// <summary>Loads libtorch and LibTorchSharp from beside the BreastSeg assembly (idempotent, thread-safe).</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            TorchEnvironment.Apply();
            NativeHeap.Apply();
            if (OperatingSystem.IsLinux())
            {
                string? dir = NativeFolder();
                if (dir is not null)
                    foreach (string lib in LinuxOrder)
                        NativeLibrary.Load(Path.Combine(dir, lib));
            }
            _loaded = true;
        }
    }

    /// <summary>The folder holding the kit's libtorch, or null when none is found beside the assembly.</summary>
    public static string? NativeFolder()
    {
        string baseDir = Path.GetDirectoryName(typeof(TorchRuntime).Assembly.Location) ?? AppContext.BaseDirectory;
        string rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        foreach (string candidate in new[] { Path.Combine(baseDir, "runtimes", rid, "native"), baseDir })
            if (File.Exists(Path.Combine(candidate, "libLibTorchSharp.so")) && File.Exists(Path.Combine(candidate, "libtorch_cpu.so")))
                return candidate;
        return null;
    }
}
