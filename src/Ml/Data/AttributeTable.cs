namespace VaeFaces.Ml.Data;

/// <summary>Parsed list_attr_celeba.txt: one row of +1/-1 values per image file, in file order.</summary>
public sealed record AttributeTable(IReadOnlyList<string> Names, IReadOnlyList<string> Files, sbyte[][] Values)
{
    public int IndexOf(string attribute)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], attribute, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
