using System.Globalization;
using VaeFaces.Contracts;

namespace VaeFaces.Ml.Data;

/// <summary>Reads and writes list_attr_celeba.txt: a count line, a names line, then "file v1 .. vN" with 1/-1 and irregular spacing.</summary>
public static class CelebAAttributeFile
{
    private static readonly char[] Separators = [' ', '\t'];

    public static AttributeTable Parse(TextReader reader, string fileName)
    {
        var countLine = reader.ReadLine() ?? throw new DatasetException(fileName, 1, "file is empty; expected the image count");
        if (!int.TryParse(countLine.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 0)
            throw new DatasetException(fileName, 1, $"expected the image count, found '{Shorten(countLine)}'");

        var namesLine = reader.ReadLine() ?? throw new DatasetException(fileName, 2, "file ends before the attribute names line");
        var names = namesLine.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new DatasetException(fileName, 2, "attribute names line is empty");
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DatasetException(fileName, 2, $"attribute '{duplicate.Key}' is named twice");

        var files = new List<string>(count);
        var values = new List<sbyte[]>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 2;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != names.Length + 1)
                throw new DatasetException(fileName, lineNumber,
                    $"expected {names.Length + 1} fields (file name and {names.Length} attributes), found {fields.Length}");
            if (!PlainName.IsValid(fields[0])) throw new DatasetException(fileName, lineNumber, ImageNameProblem(fields[0]));
            if (!seen.Add(fields[0])) throw new DatasetException(fileName, lineNumber, $"image '{fields[0]}' is listed twice");
            var row = new sbyte[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                row[i] = fields[i + 1] switch
                {
                    "1" => 1,
                    "-1" => -1,
                    var other => throw new DatasetException(fileName, lineNumber,
                        $"attribute '{names[i]}' (field {i + 2}) is '{Shorten(other)}'; expected 1 or -1"),
                };
            }
            files.Add(fields[0]);
            values.Add(row);
        }

        if (files.Count != count)
            throw new DatasetException(fileName, lineNumber,
                $"header says {count} images but the file has {files.Count} rows (truncated or miscounted)");
        return new AttributeTable(names, files, values.ToArray());
    }

    public static void Write(TextWriter writer, AttributeTable table)
    {
        writer.Write(table.Files.Count.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
        writer.Write(string.Join(' ', table.Names));
        writer.Write('\n');
        for (var r = 0; r < table.Files.Count; r++)
        {
            writer.Write(table.Files[r]);
            foreach (var v in table.Values[r]) writer.Write(v > 0 ? "  1" : " -1");
            writer.Write('\n');
        }
    }

    /// <summary>Names are joined to the image folder: one with a folder in it, or '..', would read outside the dataset.</summary>
    internal static string ImageNameProblem(string name) => $"image name '{PlainName.Printable(name)}' must be {PlainName.Rule}";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
