using BreastSeg.Figures;

namespace BreastSeg.Tests.Figures;

// A class of its own so it runs beside the other PNG test rather than after it.
public class ImageExportSetupTests
{
    [SkippableFact]
    public void Image_export_configured_for_the_installed_chromium_renders_without_downloading()
    {
        var browser = ImageExportSetup.Configure();
        Skip.If(browser.ExecutablePath is null, $"no browser for PNG export: {browser.Problem}");
        Assert.Equal(browser.ExecutablePath, Plotly.NET.ImageExport.PuppeteerSharpRendererOptions.localBrowserExecutablePath.Value);

        string base64 = Plotly.NET.ImageExport.GenericChartExtensions.ToBase64PNGString(
            FigureExport.WithInlinePlotlyJs(TestCharts.Small("image export")), null, Microsoft.FSharp.Core.FSharpOption<int>.Some(300), Microsoft.FSharp.Core.FSharpOption<int>.Some(200));
        byte[] png = Convert.FromBase64String(base64[(base64.IndexOf(',') + 1)..]);
        Assert.Equal((300, 200), TestCharts.DecodePng(png));
    }
}
