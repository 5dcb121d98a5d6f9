using VaeFaces.Contracts;

namespace VaeFaces.Ml.Data;

/// <summary>A CelebA partition: list_eval_partition.txt's numbers.</summary>
public enum Split
{
    Train = DatasetSplits.Train,
    Validation = DatasetSplits.Validation,
    Test = DatasetSplits.Test,
}

public static class Splits
{
    /// <summary>The split a command names; commands are validated first, so a bad name here is a bug.</summary>
    public static Split FromName(string name) =>
        (Split)(DatasetSplits.Parse(name) ?? throw new ArgumentException($"'{name}' is not a split", nameof(name)));
}
