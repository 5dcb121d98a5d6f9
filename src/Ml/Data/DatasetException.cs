namespace VaeFaces.Ml.Data;

/// <summary>Bad input data: names the file and, where known, the line so the user can fix it.</summary>
public sealed class DatasetException(string file, int? line, string problem)
    : Exception(line is null ? $"{file}: {problem}" : $"{file} line {line}: {problem}")
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string Problem { get; } = problem;
}
