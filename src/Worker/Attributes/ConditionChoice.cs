using VaeFaces.Contracts;
using VaeFaces.Ml.Latent;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Attributes;

public static class ConditionChoice
{
    /// <summary>The conditions of each attribute from the fit split's labels; a named attribute the dataset lacks fails the job naming it.</summary>
    public static Func<string, IReadOnlyList<string>> For(DirectionConditions settings, IReadOnlyList<sbyte[]> fitRows,
        IReadOnlyList<string> names, string field)
    {
        var unknown = settings.Named.SelectMany(n => n.Value.Prepend(n.Key))
            .Where(a => !names.Contains(a, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0) throw new JobInputException($"{field}: the dataset has no attribute {string.Join(", ", unknown)}");
        return AttributeDirections.ConditionsBy(settings, new LabelCorrelations(fitRows, names));
    }
}
