using Microsoft.DotNet.Interactive;

namespace BreastSeg.Notebooks;

/// <summary>
/// The kit's kernel extension. dotnet-interactive calls it when the kit is referenced as a NuGet package (it looks in
/// the package's interactive-extensions/dotnet folder); a #r of the dll does not, so notebooks call
/// <see cref="NotebookKernel.Setup"/>, which does the same.
/// </summary>
public sealed class BreastSegKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        NotebookKernel.Setup();
        return Task.CompletedTask;
    }
}
