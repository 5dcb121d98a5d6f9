using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Attributes;

public static class ConditionChoice
{
    /// <summary>Named conditions must name attributes of the dataset; otherwise the job fails naming them.</summary>
    public static DirectionConditions Checked(DirectionConditions settings, IReadOnlyList<string> names, string field)
    {
        var unknown = settings.Named.SelectMany(n => n.Value.Prepend(n.Key))
            .Where(a => !names.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return unknown.Count == 0 ? settings : throw new JobInputException($"{field}: the dataset has no attribute {string.Join(", ", unknown)}");
    }
}
