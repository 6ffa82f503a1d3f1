using Microsoft.FSharp.Core;
using Plotly.NET.ImageExport;

namespace BreastSeg.Figures;

/// <summary>
/// Points Plotly.NET.ImageExport (<c>chart.SavePNG(...)</c>, used directly in notebooks) at the installed Chromium with
/// the kit's launch flags; without this it tries to download a browser, which fails offline. Charts given to it must
/// inline plotly.js (<see cref="FigureExport.WithInlinePlotlyJs"/>). The kit's own export (<see cref="FigureExport"/>)
/// needs neither.
/// </summary>
public static class ImageExportSetup
{
    /// <summary>Configures ImageExport for <paramref name="browser"/> (found by <see cref="ChromiumLocator"/> when null); returns what was found.</summary>
    public static ChromiumSearch Configure(ChromiumSearch? browser = null)
    {
        browser ??= ChromiumLocator.Find();
        if (browser.ExecutablePath is null) return browser;
        // ImageExport overwrites launchOptions.ExecutablePath from localBrowserExecutablePath, so both are set.
        PuppeteerSharpRendererOptions.localBrowserExecutablePath = FSharpOption<string>.Some(browser.ExecutablePath);
        PuppeteerSharpRendererOptions.launchOptions.ExecutablePath = browser.ExecutablePath;
        PuppeteerSharpRendererOptions.launchOptions.Headless = true;
        PuppeteerSharpRendererOptions.launchOptions.Args = ChromiumRenderer.LaunchArguments();
        return browser;
    }
}
