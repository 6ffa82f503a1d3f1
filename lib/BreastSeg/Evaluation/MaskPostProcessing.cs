namespace BreastSeg.Evaluation;

/// <summary>Optional clean-up of thresholded predictions (scikit-image / scipy.ndimage definitions).</summary>
public static class MaskPostProcessing
{
    /// <summary>Keeps the largest 8-connected component (MONAI KeepLargestConnectedComponent with full connectivity;
    /// ties go to the component found first in column-major order).</summary>
    public static bool[] LargestComponent(ReadOnlySpan<bool> mask, int rows, int cols)
    {
        var labels = Label(mask, rows, cols, eightConnected: true, out var sizes);
        var result = new bool[mask.Length];
        if (sizes.Count == 0) return result;
        int best = 0;
        for (int l = 1; l < sizes.Count; l++) if (sizes[l] > sizes[best]) best = l;
        for (int k = 0; k < mask.Length; k++) result[k] = labels[k] == best + 1;
        return result;
    }

    /// <summary>Fills holes: background regions (4-connected, as scipy.ndimage.binary_fill_holes) not reaching the
    /// image border become foreground.</summary>
    public static bool[] FillHoles(ReadOnlySpan<bool> mask, int rows, int cols)
    {
        var background = new bool[mask.Length];
        for (int k = 0; k < mask.Length; k++) background[k] = !mask[k];
        var labels = Label(background, rows, cols, eightConnected: false, out var sizes);
        var touchesBorder = new bool[sizes.Count + 1];
        for (int c = 0; c < cols; c++)
            for (int r = 0; r < rows; r++)
                if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1) touchesBorder[labels[c * rows + r]] = true;
        var result = new bool[mask.Length];
        for (int k = 0; k < mask.Length; k++) result[k] = mask[k] || !touchesBorder[labels[k]];
        return result;
    }

    /// <summary>Connected-component labels (1-based, 0 = background) of a column-major mask by flood fill;
    /// <paramref name="sizes"/>[l-1] is the pixel count of label l.</summary>
    public static int[] Label(ReadOnlySpan<bool> mask, int rows, int cols, bool eightConnected, out List<int> sizes)
    {
        var labels = new int[mask.Length];
        sizes = [];
        var stack = new Stack<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || labels[start] != 0) continue;
            int label = sizes.Count + 1, count = 0;
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int k = stack.Pop();
                count++;
                int r = k % rows, c = k / rows;
                for (int dc = -1; dc <= 1; dc++)
                    for (int dr = -1; dr <= 1; dr++)
                    {
                        if ((dr == 0 && dc == 0) || (!eightConnected && dr != 0 && dc != 0)) continue;
                        int rr = r + dr, cc = c + dc;
                        if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
                        int n = cc * rows + rr;
                        if (mask[n] && labels[n] == 0) { labels[n] = label; stack.Push(n); }
                    }
            }
            sizes.Add(count);
        }
        return labels;
    }
}
