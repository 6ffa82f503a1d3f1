using System;
using System.IO;
using System.Text;

// MSBuild inline task (RoslynCodeTaskFactory, compiled against netstandard2.0): marks one symbol-version requirement of an ELF64 shared library weak,
// when the host's libstdc++ does not define that version. Idempotent; leaves the file alone on a newer host.
public class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
{
    public string LibraryPath { get; set; } = "";
    public string VersionName { get; set; } = "";

    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    public override bool Execute()
    {
        if (!File.Exists(LibraryPath)) return true;
        if (HostDefinesVersion()) return true;
        byte[] elf = File.ReadAllBytes(LibraryPath);
        int changed = Weaken(elf, VersionName);
        if (changed < 0)
        {
            Log.LogWarning("{0}: not a 64-bit little-endian ELF file with version needs; left unchanged", LibraryPath);
            return true;
        }
        if (changed > 0)
        {
            string tmp = LibraryPath + ".patching";
            File.WriteAllBytes(tmp, elf);
            File.Delete(LibraryPath);
            File.Move(tmp, LibraryPath);
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                "BreastSeg: marked {0} weak in {1} (host libstdc++ lacks it)", VersionName, LibraryPath);
        }
        return true;
    }

    private bool HostDefinesVersion()
    {
        byte[] needle = Encoding.ASCII.GetBytes(VersionName + "\0");
        foreach (string candidate in LibStdCxxCandidates)
        {
            if (!File.Exists(candidate)) continue;
            byte[] lib = File.ReadAllBytes(candidate);
            return Contains(lib, needle);
        }
        return false;
    }

    /// <summary>Returns the number of entries changed, or -1 when the file is not an ELF64 LE with a verneed section.</summary>
    private static int Weaken(byte[] f, string versionName)
    {
        if (f.Length < 64 || f[0] != 0x7f || f[1] != (byte)'E' || f[2] != (byte)'L' || f[3] != (byte)'F' || f[4] != 2 || f[5] != 1)
            return -1;
        long shoff = (long)BitConverter.ToUInt64(f, 0x28);
        int shentsize = BitConverter.ToUInt16(f, 0x3A);
        int shnum = BitConverter.ToUInt16(f, 0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > f.Length) return -1;
        for (int s = 0; s < shnum; s++)
        {
            long sh = shoff + (long)s * shentsize;
            if (BitConverter.ToUInt32(f, (int)sh + 4) != ShtGnuVerneed) continue;
            long offset = (long)BitConverter.ToUInt64(f, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(f, (int)sh + 0x28);
            uint count = BitConverter.ToUInt32(f, (int)sh + 0x2C); // sh_info: number of Verneed entries
            long strSh = shoff + (long)link * shentsize;
            long strOff = (long)BitConverter.ToUInt64(f, (int)strSh + 0x18);
            int changed = 0;
            long vn = offset;
            for (uint i = 0; i < count && vn + 16 <= f.Length; i++)
            {
                int cnt = BitConverter.ToUInt16(f, (int)vn + 2);
                long vna = vn + BitConverter.ToUInt32(f, (int)vn + 8);
                for (int j = 0; j < cnt && vna + 16 <= f.Length; j++)
                {
                    ushort flags = BitConverter.ToUInt16(f, (int)vna + 4);
                    long name = strOff + BitConverter.ToUInt32(f, (int)vna + 8);
                    if (ReadCString(f, name) == versionName && (flags & VerFlgWeak) == 0)
                    {
                        ushort weak = (ushort)(flags | VerFlgWeak);
                        f[vna + 4] = (byte)(weak & 0xff);
                        f[vna + 5] = (byte)(weak >> 8);
                        changed++;
                    }
                    uint next = BitConverter.ToUInt32(f, (int)vna + 12);
                    if (next == 0) break;
                    vna += next;
                }
                uint vnNext = BitConverter.ToUInt32(f, (int)vn + 12);
                if (vnNext == 0) break;
                vn += vnNext;
            }
            return changed;
        }
        return -1;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack[i] != needle[0]) continue;
            int k = 1;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    private static string ReadCString(byte[] f, long at)
    {
        long end = at;
        while (end < f.Length && f[end] != 0) end++;
        return Encoding.ASCII.GetString(f, (int)at, (int)(end - at));
    }
}
