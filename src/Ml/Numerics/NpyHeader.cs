using System.Globalization;
using System.Text.RegularExpressions;

namespace VaeFaces.Ml.Numerics;

/// <summary>
/// Parses the header of a .npy file: a Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>, padded with spaces and ended by a newline.
/// Only the literals NumPy writes there are understood: strings, True/False and tuples of integers.
/// </summary>
internal static partial class NpyHeader
{
    public static (string Descr, bool FortranOrder, int[] Shape) Parse(string header)
    {
        var match = Dictionary().Match(header);
        if (!match.Success) throw Error("not a dict of 'key': string, True/False or (integers)", header);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < match.Groups["key"].Captures.Count; i++)
        {
            var key = match.Groups["key"].Captures[i].Value;
            if (key is not ("descr" or "fortran_order" or "shape")) throw Error($"unexpected key '{key}'", header);
            values[key] = match.Groups["value"].Captures[i].Value;
        }
        string Value(string key) => values.TryGetValue(key, out var value) ? value : throw Error($"missing '{key}'", header);

        var shape = Value("shape").Trim('(', ')').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            // Python 2 wrote long integers as 3L.
            .Select(dimension => int.Parse(dimension.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture))
            .ToArray();
        return (Value("descr").Trim('\'', '"'), Value("fortran_order") == "True", shape);
    }

    private static InvalidDataException Error(string what, string header) => new($"Malformed .npy header ({what}): {header.TrimEnd()}");

    // A trailing comma before '}' is what NumPy writes; version 2 headers may leave it out and use double quotes.
    [GeneratedRegex("""^\s*\{\s*(?:(?<quote>['"])(?<key>\w+)\k<quote>\s*:\s*(?<value>'[^']*'|"[^"]*"|True|False|\(\s*(?:\d+L?\s*(?:,\s*)?)*\))\s*(?:,\s*|(?=\})))*\}\s*$""")]
    private static partial Regex Dictionary();
}
