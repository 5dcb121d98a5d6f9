namespace VaeFaces.Contracts;

/// <summary>The CelebA partitions by name, as commands name them: list_eval_partition.txt's 0, 1 and 2.</summary>
public static class DatasetSplits
{
    public const int Train = 0;
    public const int Validation = 1;
    public const int Test = 2;

    public static IReadOnlyList<string> Names { get; } = ["train", "validation", "test"];

    /// <summary>The partition number of "train", "validation" (or "val"), "test", or "0" to "2"; null for anything else.</summary>
    public static int? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "train" or "0" => Train,
        "validation" or "val" or "1" => Validation,
        "test" or "2" => Test,
        _ => null,
    };
}
