using System.Reflection;
using System.Runtime.Loader;

namespace BreastSeg.Notebooks;

/// <summary>
/// The notebook kernel loads FSharp.Core 10.0; Plotly.NET 6, DynamicObj and Deedle 8.1 ask for 10.1, which the default
/// load context cannot add beside it, so their first use fails with FileNotFoundException. Every member they use exists
/// in 10.0: answer requests for FSharp.Core with the one already loaded.
/// LEAD: the figures work adds BreastSeg.Figures.FSharpCoreResolver for the same purpose; keep one of the two.
/// </summary>
internal static class FSharpCoreResolver
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core") return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (loaded is not null) return loaded;
        // Not loaded yet (no F# code ran): the host's own copy, which the F# kernel will load anyway.
        string hosts = Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll");
        return File.Exists(hosts) ? context.LoadFromAssemblyPath(hosts) : null;
    }
}
