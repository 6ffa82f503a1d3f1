namespace BreastSeg.Rf.Mat;

/// <summary>A struct array (1 x N for OASBUD's `data`); field order is kept.</summary>
public sealed class MatStruct : MatValue
{
    private readonly int[] _dimensions;
    private readonly string[] _fieldNames;
    private readonly Dictionary<string, int> _fieldIndex;
    private readonly MatValue[] _values; // element-major: element e, field f at e * fields + f

    /// <summary>A 1 x N struct array: one dictionary per element, all with the same fields in the same order.</summary>
    public MatStruct(IReadOnlyList<string> fieldNames, IReadOnlyList<IReadOnlyDictionary<string, MatValue>> elements)
        : this([1, (elements ?? throw new ArgumentNullException(nameof(elements))).Count], fieldNames, Flatten(fieldNames, elements))
    {
    }

    /// <summary>A struct array of any shape; <paramref name="values"/> holds element 0's fields in order, then element 1's
    /// (elements in column-major order).</summary>
    public MatStruct(int[] dimensions, IReadOnlyList<string> fieldNames, IReadOnlyList<MatValue> values)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(values);
        _dimensions = CheckDimensions(dimensions, nameof(dimensions));
        _fieldNames = fieldNames.ToArray();
        _fieldIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int f = 0; f < _fieldNames.Length; f++)
            if (!_fieldIndex.TryAdd(_fieldNames[f], f)) throw new ArgumentException($"field '{_fieldNames[f]}' is repeated", nameof(fieldNames));
        if (values.Count != Count * _fieldNames.Length)
            throw new ArgumentException($"{values.Count} field values given, {Count} elements x {_fieldNames.Length} fields need {Count * _fieldNames.Length}", nameof(values));
        _values = values.ToArray();
        if (_values.Any(v => v is null)) throw new ArgumentException("field values cannot be null", nameof(values));
    }

    /// <inheritdoc />
    public override int[] Dimensions => (int[])_dimensions.Clone();

    /// <inheritdoc />
    public override string ClassName => "struct";

    /// <summary>Field names in file order.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    /// <summary>Whether the struct has field <paramref name="field"/>.</summary>
    public bool HasField(string field) => _fieldIndex.ContainsKey(field);

    /// <summary>Field <paramref name="field"/> of element <paramref name="element"/> (column-major element index).</summary>
    public MatValue this[int element, string field]
    {
        get
        {
            if ((uint)element >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(element), $"element {element} of a {ShapeText} struct array");
            if (!_fieldIndex.TryGetValue(field, out int f)) throw new KeyNotFoundException($"the struct has no field '{field}'");
            return _values[element * _fieldNames.Length + f];
        }
    }

    /// <summary>The fields of element <paramref name="element"/>, in field order.</summary>
    public IReadOnlyDictionary<string, MatValue> Element(int element)
    {
        var result = new Dictionary<string, MatValue>(StringComparer.Ordinal);
        foreach (string name in _fieldNames) result[name] = this[element, name];
        return result;
    }

    private static List<MatValue> Flatten(IReadOnlyList<string> fieldNames, IReadOnlyList<IReadOnlyDictionary<string, MatValue>> elements)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        var values = new List<MatValue>(elements.Count * fieldNames.Count);
        for (int e = 0; e < elements.Count; e++)
        {
            if (elements[e].Count != fieldNames.Count)
                throw new ArgumentException($"element {e} has {elements[e].Count} fields, the struct has {fieldNames.Count}", nameof(elements));
            foreach (string name in fieldNames)
                values.Add(elements[e].TryGetValue(name, out var v) ? v : throw new ArgumentException($"element {e} has no field '{name}'", nameof(elements)));
        }
        return values;
    }
}
