using System.Reflection;
using System.Runtime.Loader;
using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

public class FSharpCoreResolverTests
{
    [Fact]
    public void A_request_for_a_newer_fsharp_core_gets_the_loaded_one()
    {
        var loaded = typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly;
        foreach (string version in new[] { "10.1.0.0", "10.0.0.0", "99.0.0.0" })
        {
            var request = new AssemblyName($"FSharp.Core, Version={version}, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
            Assert.Same(loaded, FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, request));
        }
        Assert.Null(FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Plotly.NET, Version=6.0.0.0")));
        Assert.Null(FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core.Extras")));
    }

    [Fact]
    public void Install_is_idempotent_and_harmless_where_fsharp_core_resolves_normally()
    {
        FSharpCoreResolver.Install();
        FSharpCoreResolver.Install();
        Assert.True(FSharpCoreResolver.IsInstalled);
        // Plotly.NET still works with the handler in place.
        var chart = DiceDistributionFigure.Create([new ModelDice("entropy", [0.5, 0.7])]);
        Assert.Contains("entropy", Plotly.NET.GenericChart.toFigureJson(chart));
    }
}
