using System.Text.RegularExpressions;
using BreastSeg.IO;

namespace BreastSeg.Images;

/// <summary>
/// A folder of B-mode images with lesion masks, in the BUSI layout (class folders holding <c>CLASS (N).png</c> and
/// <c>CLASS (N)_mask.png</c>, <c>CLASS (N)_mask_1.png</c>, ...) or the plain layout (<c>images/</c> and <c>masks/</c> with
/// matching names). Listing reads no pixels; <see cref="Load"/> decodes one case. The folder is only read.
/// </summary>
public sealed partial class ImageFolder
{
    /// <summary>File extensions taken as images (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".bmp"];

    private ImageFolder(string path, ImageFolderLayout layout, List<ImageCase> cases, List<string> unmatchedMasks)
    {
        Path = path;
        Layout = layout;
        Cases = cases;
        UnmatchedMasks = unmatchedMasks;
    }

    /// <summary>The folder (full path).</summary>
    public string Path { get; }

    /// <summary>Its layout.</summary>
    public ImageFolderLayout Layout { get; }

    /// <summary>Every case, classes in name order and cases in natural order ("benign (2)" before "benign (10)").</summary>
    public IReadOnlyList<ImageCase> Cases { get; }

    /// <summary>Mask files that belong to no image (reported by <c>inspect</c>, otherwise ignored).</summary>
    public IReadOnlyList<string> UnmatchedMasks { get; }

    /// <summary>Cases per class (the plain layout's unlabelled cases under "unlabelled").</summary>
    public IReadOnlyDictionary<string, int> ClassCounts =>
        Cases.GroupBy(c => c.Class ?? "unlabelled").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Whether <paramref name="path"/> is a folder (image folders are folders; cohorts are files).</summary>
    public static bool IsFolder(string path) => Directory.Exists(path);

    /// <summary>Lists the cases of <paramref name="path"/>.</summary>
    public static ImageFolder Open(string path)
    {
        if (!Directory.Exists(path)) throw new BreastSegInputException(path, "no such folder");
        string full = System.IO.Path.GetFullPath(path);
        string? images = SubFolder(full, "images"), masks = SubFolder(full, "masks");
        var cases = new List<ImageCase>();
        var unmatched = new List<string>();
        ImageFolderLayout layout;
        if (images is not null && masks is not null)
        {
            layout = ImageFolderLayout.Plain;
            AddCases(ImageFiles(images), ImageFiles(masks), null, cases, unmatched);
        }
        else
        {
            layout = ImageFolderLayout.Busi;
            foreach (string classFolder in Directory.GetDirectories(full).Where(d => !System.IO.Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var files = ImageFiles(classFolder);
                AddCases(files.Where(f => !IsMaskName(f)), files.Where(IsMaskName), System.IO.Path.GetFileName(classFolder), cases, unmatched);
            }
        }
        if (cases.Count == 0)
            throw new BreastSegInputException(full, "holds no images: expected the BUSI layout (CLASS/CLASS (N).png with CLASS (N)_mask.png) or images/ and masks/ folders with matching names");
        return new ImageFolder(full, layout, cases, unmatched);
    }

    /// <summary>
    /// Decodes one case: its grey levels and the union of its masks. Refuses the case (naming the file) when it has no
    /// mask file, or when a mask's size differs from the image's.
    /// </summary>
    public LabelledImage Load(ImageCase imageCase)
    {
        if (imageCase.MaskPaths.Count == 0)
            throw new BreastSegInputException(imageCase.ImagePath, $"has no mask file (expected {ExpectedMaskName(imageCase)})");
        var image = ImageDecoder.ReadGrey(imageCase.ImagePath);
        var lesion = new bool[image.Levels.Length];
        foreach (string maskPath in imageCase.MaskPaths)
        {
            var (width, height, mask) = ImageDecoder.ReadMask(maskPath);
            if (width != image.Width || height != image.Height)
                throw new BreastSegInputException(maskPath, $"mask is {width} x {height} pixels but its image '{System.IO.Path.GetFileName(imageCase.ImagePath)}' is {image.Width} x {image.Height}");
            for (int p = 0; p < lesion.Length; p++) lesion[p] |= mask[p];
        }
        return new LabelledImage(imageCase, image, lesion);
    }

    /// <summary>The case with id <paramref name="id"/> (the image's file stem), or null.</summary>
    public ImageCase? Find(string id) => Cases.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    private static void AddCases(IEnumerable<string> imageFiles, IEnumerable<string> maskFiles, string? className,
        List<ImageCase> cases, List<string> unmatched)
    {
        var masksByStem = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string mask in maskFiles)
        {
            string stem = MaskOwner(System.IO.Path.GetFileNameWithoutExtension(mask));
            if (!masksByStem.TryGetValue(stem, out var list)) masksByStem[stem] = list = [];
            list.Add(mask);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (string image in imageFiles.OrderBy(f => System.IO.Path.GetFileNameWithoutExtension(f), NaturalComparer.Instance))
        {
            string id = System.IO.Path.GetFileNameWithoutExtension(image);
            var masks = masksByStem.TryGetValue(id, out var list) ? list.OrderBy(m => m, NaturalComparer.Instance).ToList() : [];
            used.Add(id);
            cases.Add(new ImageCase(cases.Count, id, className, image, masks));
        }
        unmatched.AddRange(masksByStem.Where(kv => !used.Contains(kv.Key)).SelectMany(kv => kv.Value).Order(StringComparer.Ordinal));
    }

    private static string ExpectedMaskName(ImageCase c) => c.Class is null
        ? $"masks/{System.IO.Path.GetFileName(c.ImagePath)} or masks/{c.Id}_mask.png"
        : $"'{c.Id}_mask.png' beside it";

    // "benign (3)_mask_1" -> "benign (3)"; a plain-layout mask "case7" -> "case7".
    private static string MaskOwner(string stem)
    {
        var m = MaskSuffix().Match(stem);
        return m.Success ? stem[..m.Index] : stem;
    }

    private static bool IsMaskName(string file) => MaskSuffix().IsMatch(System.IO.Path.GetFileNameWithoutExtension(file));

    [GeneratedRegex(@"_mask(_\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaskSuffix();

    private static List<string> ImageFiles(string folder) => Directory.GetFiles(folder)
        .Where(f => !System.IO.Path.GetFileName(f).StartsWith('.'))
        .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
        .ToList();

    private static string? SubFolder(string folder, string name) => Directory.GetDirectories(folder)
        .FirstOrDefault(d => string.Equals(System.IO.Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));
}
