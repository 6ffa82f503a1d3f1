using System.Net;

namespace BreastSeg.Notebooks.Display;

/// <summary>
/// Images shown side by side under one caption (wrapping on narrow screens), each on its own mm axes: the kit's B-mode
/// beside the scanner's, two views of a lesion. Display it as the value of a cell or with display(...).
/// </summary>
/// <param name="Caption">Text above the images; empty for none.</param>
/// <param name="Images">The images, left to right.</param>
public sealed record ImageRow(string Caption, params MapImage[] Images)
{
    /// <summary>The row as an HTML fragment.</summary>
    public string ToHtml() =>
        $"<div>{(Caption.Length > 0 ? $"<div>{WebUtility.HtmlEncode(Caption)}</div>" : "")}<div style=\"display:flex;flex-wrap:wrap;gap:8px\">{string.Concat(Images.Select(i => i.ToHtml()))}</div></div>";

    /// <summary>The caption and the images' one-line descriptions.</summary>
    public override string ToString() => string.Join("\n", Images.Select(i => i.ToString()).Prepend(Caption).Where(s => s.Length > 0));
}
