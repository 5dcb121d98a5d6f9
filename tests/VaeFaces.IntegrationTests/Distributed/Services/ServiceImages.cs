using System.Text.RegularExpressions;

namespace VaeFaces.IntegrationTests.Distributed.Services;

/// <summary>
/// The images the container specs run: RABBITMQ_IMAGE, POSTGRES_IMAGE and AZURITE_IMAGE when set (deploy/local/build-images
/// prints local equivalents for machines without a registry), else the official images docker-compose.yml pins.
/// </summary>
public static partial class ServiceImages
{
    public static string RabbitMq => Named("RABBITMQ_IMAGE");
    public static string Postgres => Named("POSTGRES_IMAGE");
    public static string Azurite => Named("AZURITE_IMAGE");

    private static string Named(string variable) =>
        System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image : ComposeDefault(variable);

    /// <summary>The default in the compose file's `image: ${VARIABLE:-default}`: compose pins each version once.</summary>
    private static string ComposeDefault(string variable)
    {
        var compose = Path.Combine(LocalServices.RepoRoot, "docker-compose.yml");
        return ComposeImage().Matches(File.ReadAllText(compose)).FirstOrDefault(m => m.Groups["variable"].Value == variable)?.Groups["image"].Value
            ?? throw new InvalidOperationException($"{compose} has no `image: ${{{variable}:-...}}`");
    }

    [GeneratedRegex(@"image:\s*\$\{(?<variable>[A-Z_]+):-(?<image>[^}]+)\}")]
    private static partial Regex ComposeImage();
}
