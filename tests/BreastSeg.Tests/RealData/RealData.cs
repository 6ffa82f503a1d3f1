using BreastSeg.IO;

namespace BreastSeg.Tests.RealData;

/// <summary>The real data sets for tests: present on CI and developers' machines (../shared/data), absent in a user's
/// clone, where the tests that need them skip with a message.</summary>
internal static class RealData
{
    /// <summary>The Ultrasonix RF folder; skips the calling test where it is absent.</summary>
    public static string RequireUltrasonix() => Require(RealDataFolder.Ultrasonix(), "ultrasonix");

    /// <summary>The BUSI image folder (Dataset_BUSI_with_GT); skips the calling test where it is absent.</summary>
    public static string RequireBusi() => Require(RealDataFolder.Busi(), "busi/Dataset_BUSI_with_GT");

    private static string Require(string? folder, string name)
    {
        Skip.If(folder is null, $"real data '{name}' not found (../shared/data beside the repository, or {RealDataFolder.EnvironmentVariable}); this test runs on CI");
        return folder!;
    }
}
