namespace VaeFaces.Scheduler.Api;

/// <summary>
/// What the Scheduler accepts as its API key and dashboard password: set, at least <see cref="MinimumLength"/>
/// characters, and no well-known placeholder, not even inside a longer value ("change-me-please" is still a default
/// left in place). deploy/check reads <see cref="Placeholders"/> from this file to refuse them in the deployment files.
/// </summary>
public static class SecretRules
{
    public const int MinimumLength = 32;

    /// <summary>A long run of one or two characters ("aaaa...") is as guessable as a short key.</summary>
    public const int MinimumDistinctCharacters = 8;

    /// <summary>Matched case-insensitively with '-', '_', '.' and spaces removed: CHANGE-ME, change_me and changeme are one.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
        ["changeme", "replaceme", "password", "passw0rd", "admin", "secret", "example", "placeholder", "default", "dummy", "sample", "letmein", "qwerty", "xxxxxx"];

    private const string Advice = "e.g. `openssl rand -hex 32`";

    /// <summary>Null when the value will do, else one line naming the setting (never the value).</summary>
    public static string? Problem(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"{setting} is not set: use a random value of at least {MinimumLength} characters, {Advice}";
        var folded = Fold(value);
        if (Placeholders.FirstOrDefault(p => folded.Contains(p, StringComparison.Ordinal)) is { } placeholder)
            return $"{setting} contains the placeholder '{placeholder}': use a random value of at least {MinimumLength} characters, {Advice}";
        if (value.Length < MinimumLength) return $"{setting} is too short ({value.Length} characters): use at least {MinimumLength}, {Advice}";
        if (value.Distinct().Count() < MinimumDistinctCharacters)
            return $"{setting} has too few distinct characters (fewer than {MinimumDistinctCharacters}): use a random value, {Advice}";
        return null;
    }

    private static string Fold(string value) =>
        string.Concat(value.Where(c => c is not ('-' or '_' or '.' or ' '))).ToLowerInvariant();
}
