using System.Reflection;
using System.Runtime.Loader;

namespace BreastSeg.Figures;

/// <summary>
/// Lets Plotly.NET (built against FSharp.Core 10.1) run where FSharp.Core 10.0 is already loaded, as in the
/// dotnet-interactive notebook kernel: a request for FSharp.Core that the default context cannot satisfy is answered
/// with the FSharp.Core already loaded (every member Plotly.NET and Deedle use exists in 10.0). Elsewhere the handler
/// is never asked, because the application's own FSharp.Core satisfies the request first.
/// </summary>
public static class FSharpCoreResolver
{
    private static int _installed;

    /// <summary>Adds the handler once per process; later calls do nothing.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    /// <summary>Whether <see cref="Install"/> has run in this process.</summary>
    public static bool IsInstalled => Volatile.Read(ref _installed) == 1;

    /// <summary>
    /// For a request of FSharp.Core: the FSharp.Core already loaded, else the host's own copy beside the application
    /// (no F# code has run yet; the kernel's F# support loads that one anyway); null for other assemblies.
    /// </summary>
    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
    {
        if (!string.Equals(requested.Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase)) return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        if (loaded is not null) return loaded;
        string hosts = Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll");
        return File.Exists(hosts) ? context.LoadFromAssemblyPath(hosts) : null;
    }
}
