using BreastSeg.Images;
using BreastSeg.Maps;
using RealDataFolders = BreastSeg.Tests.RealData.RealData;

namespace BreastSeg.Tests.Images;

/// <summary>The real BUSI folder (../shared/data; skipped where absent). Kept to a few cases: the set is large.</summary>
public class BusiRealDataTests
{
    [SkippableFact]
    public void ListsTheThreeClassesAndLoadsAFewCasesOfEach()
    {
        var folder = ImageFolder.Open(RealDataFolders.RequireBusi());
        Assert.Equal(ImageFolderLayout.Busi, folder.Layout);
        Assert.Equal(["benign", "malignant", "normal"], folder.ClassCounts.Keys);
        Assert.All(folder.ClassCounts.Values, n => Assert.True(n >= 10));
        Assert.All(folder.Cases.Where(c => !c.IsNormal), c => Assert.NotEmpty(c.MaskPaths));
        foreach (var group in folder.Cases.GroupBy(c => c.Class))
            foreach (var c in group.Take(2))
            {
                var loaded = folder.Load(c);
                Assert.InRange(loaded.Image.Width, 100, 2000);
                Assert.InRange(loaded.Image.Height, 100, 2000);
                if (c.IsNormal) Assert.Equal(0, loaded.LesionPixels);
                else Assert.InRange(loaded.LesionPixels, 50, loaded.Lesion.Length / 2);
                var sample = ImageSamples.From(loaded, new ImageSampleOptions([MapKind.BMode, MapKind.Entropy], Size: 64));
                Assert.Equal(2, sample.Channels);
                Assert.Equal(c.IsNormal, !sample.Target.Any(t => t));
            }
        // Multi-mask cases exist in BUSI; their union is at least each mask.
        var multi = folder.Cases.First(c => c.MaskPaths.Count > 1);
        var union = folder.Load(multi);
        foreach (string m in multi.MaskPaths)
        {
            var (_, _, one) = ImageDecoder.ReadMask(m);
            Assert.True(one.Zip(union.Lesion).All(p => !p.First || p.Second));
        }
    }

    [SkippableFact]
    public void ColourImagesLoadAsLuminance()
    {
        var folder = ImageFolder.Open(RealDataFolders.RequireBusi());
        // The few RGB images: find one among the headers (cheap: no pixels decoded).
        var rgb = folder.Cases.Take(200).FirstOrDefault(c => ImageDecoder.ReadHeader(c.ImagePath).Channels >= 3);
        Skip.If(rgb is null, "no colour image among the first 200 cases of this copy");
        var loaded = folder.Load(rgb!);
        Assert.Contains(loaded.Image.Levels, v => v > 0);
        var (header, rgba) = ImageDecoder.DecodeRgba(rgb!.ImagePath);
        for (int p = 0; p < loaded.Image.Levels.Length; p += 997)
        {
            double y = 0.299 * rgba[4 * p] + 0.587 * rgba[4 * p + 1] + 0.114 * rgba[4 * p + 2];
            Assert.True(Math.Abs(loaded.Image.Levels[p] - y) <= 0.5 + 1e-3);
        }
        Assert.Equal(header.Pixels, loaded.Image.Levels.Length);
    }
}
