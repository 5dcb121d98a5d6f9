using VaeFaces.Contracts;

namespace VaeFaces.Ml.Data;

/// <summary>Reads and writes list_eval_partition.txt: "file 0|1|2" per line (train, validation, test).</summary>
public static class CelebAPartitionFile
{
    private static readonly char[] Separators = [' ', '\t'];

    public static IReadOnlyDictionary<string, Split> Parse(TextReader reader, string fileName)
    {
        var result = new Dictionary<string, Split>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
                throw new DatasetException(fileName, lineNumber, $"expected 2 fields (file name and partition), found {fields.Length}");
            if (!PlainName.IsValid(fields[0])) throw new DatasetException(fileName, lineNumber, CelebAAttributeFile.ImageNameProblem(fields[0]));
            var split = fields[1] switch
            {
                "0" => Split.Train,
                "1" => Split.Validation,
                "2" => Split.Test,
                var other => throw new DatasetException(fileName, lineNumber, $"partition is '{other}'; expected 0, 1 or 2"),
            };
            if (!result.TryAdd(fields[0], split))
                throw new DatasetException(fileName, lineNumber, $"image '{fields[0]}' is listed twice");
        }
        if (result.Count == 0) throw new DatasetException(fileName, null, "file has no rows");
        return result;
    }

    public static void Write(TextWriter writer, IEnumerable<(string File, Split Split)> rows)
    {
        foreach (var (file, split) in rows)
        {
            writer.Write(file);
            writer.Write(' ');
            writer.Write((int)split);
            writer.Write('\n');
        }
    }
}
