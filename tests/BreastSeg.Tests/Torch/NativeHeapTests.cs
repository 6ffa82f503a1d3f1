using System.Runtime.InteropServices;
using BreastSeg.Torch;

namespace BreastSeg.Tests.Torch;

/// <summary><see cref="NativeHeap"/>: after it applies, a block of a few megabytes (a training activation's size) comes
/// from glibc's heap, not from a mapping of its own (glibc's own accounting, mallinfo2, tells which).</summary>
public class NativeHeapTests
{
    [SkippableFact]
    public void AFewMegabyteBlockIsServedFromTheHeap()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && HasMallinfo2(), "glibc's mallinfo2 is not available here");
        Skip.If(NativeHeap.UserVariables.Any(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 }), "the user's malloc settings are in force");
        NativeHeap.Apply();
        const int bytes = 4 << 20;
        // Other threads may map blocks meanwhile, but none frees our 4 MB: the mapped total grows by at least the block
        // only when the block got a mapping of its own.
        long before = mallinfo2().hblkhd;
        nint block = Marshal.AllocHGlobal(bytes);   // malloc on Unix
        long after = mallinfo2().hblkhd;
        Marshal.FreeHGlobal(block);
        Assert.True(after - before < bytes, $"a {bytes}-byte block was mapped on its own (mapped bytes {before} -> {after})");
    }

    private static bool HasMallinfo2() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "mallinfo2", out _);

    [StructLayout(LayoutKind.Sequential)]
    private struct Mallinfo2
    {
        public nint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc.so.6")]
    private static extern Mallinfo2 mallinfo2();
}
