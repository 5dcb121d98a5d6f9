using System.Runtime.CompilerServices;

namespace VaeFaces.Contracts.Validation;

/// <summary>
/// A command's problems by field. The checks take the field's name from the argument expression, so
/// <c>errors.AtLeast(Epochs, 1)</c> inside a command reports "Epochs".
/// </summary>
public sealed class ParameterErrors
{
    private readonly Dictionary<string, List<string>> byField = [];

    public int Count => byField.Count;

    public void Add(string field, string problem)
    {
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(problem);
    }

    public void Location(BlobLocation? location, [CallerArgumentExpression(nameof(location))] string field = "")
    {
        if (location is null || string.IsNullOrWhiteSpace(location.Container))
        {
            Add(field, "is required (container/prefix)");
            return;
        }
        // The stores join these to their root: a container or path that climbs or is absolute would leave it.
        if (!BlobLocation.IsValidContainer(location.Container))
            Add(field, $"container '{PlainName.Printable(location.Container)}' {BlobLocation.ContainerRule}");
        if (!BlobLocation.IsValidPrefix(location.Prefix)) Add(field, $"path '{PlainName.Printable(location.Prefix ?? "")}' {BlobLocation.PrefixRule}");
    }

    /// <summary>An output that is an input, lies inside one or holds one: the job would overwrite what it reads, and delete it on failure.</summary>
    public void Apart(BlobLocation? output, BlobLocation? input, string inputField, [CallerArgumentExpression(nameof(output))] string field = "")
    {
        if (output?.Container is null || output.Prefix is null || input?.Container is null || input.Prefix is null || !output.Overlaps(input)) return;
        Add(field, $"overlaps {inputField} ({input}): a job must not write where it reads; choose another output");
    }

    public void AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value < minimum) Add(field, $"must be at least {minimum} (got {value})");
    }

    public void Between(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value < minimum || value > maximum) Add(field, $"must be between {minimum} and {maximum} (got {value})");
    }

    public void AtMost(int value, int maximum, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value > maximum) Add(field, $"must be at most {maximum} (got {value})");
    }

    public void AtMost(double value, double maximum, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value > maximum) Add(field, $"must be at most {maximum} (got {value})");
    }

    /// <summary>Edit magnitudes: finite and at most <see cref="JobLimits.Magnitude"/> either way.</summary>
    public void Magnitudes(IEnumerable<double>? values, [CallerArgumentExpression(nameof(values))] string field = "")
    {
        foreach (var magnitude in values ?? [])
        {
            var problem = !double.IsFinite(magnitude) ? "magnitudes must be finite numbers"
                : Math.Abs(magnitude) > JobLimits.Magnitude ? $"magnitudes must be between -{JobLimits.Magnitude} and {JobLimits.Magnitude} (got {magnitude})"
                : null;
            if (problem is null) continue;
            Add(field, problem);
            return;
        }
    }

    /// <summary>(0, 1]: learning rates and decay factors.</summary>
    public void Fraction(double value, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value is <= 0 or > 1 or double.NaN) Add(field, $"must be in (0, 1] (got {value})");
    }

    public void NotNegative(double value, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value is < 0 or double.NaN) Add(field, $"must not be negative (got {value})");
    }

    public void OneOf(int value, IReadOnlyCollection<int> allowed, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (!allowed.Contains(value)) Add(field, $"must be one of {string.Join(", ", allowed)} (got {value})");
    }

    public void OneOf(string? value, IReadOnlyCollection<string> allowed, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (value is null || !allowed.Contains(value.ToLowerInvariant())) Add(field, $"'{value}' is not one of {string.Join(", ", allowed)}");
    }

    public void Split(string? split, [CallerArgumentExpression(nameof(split))] string field = "")
    {
        if (DatasetSplits.Parse(split) is null) Add(field, $"'{split}' is not a split; use {string.Join(", ", DatasetSplits.Names)}");
    }

    public void NotEmpty<T>(IReadOnlyCollection<T>? values, string problem, [CallerArgumentExpression(nameof(values))] string field = "")
    {
        if (values is null || values.Count == 0) Add(field, problem);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => byField.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
