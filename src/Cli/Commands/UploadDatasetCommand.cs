using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;
using VaeFaces.Storage;

namespace VaeFaces.Cli.Commands;

/// <summary>
/// Uploads a local dataset folder to blob storage, where the Scheduler's jobs read it (e.g. --param dataset=CONTAINER/PREFIX).
/// Files keep their relative paths under the prefix; existing blobs are overwritten.
/// </summary>
public sealed partial class UploadDatasetCommand : AsyncCommand<UploadDatasetCommand.Settings>
{
    public const string ConnectionStringVariable = "ConnectionStrings__Blobs";

    public sealed partial class Settings : CommandSettings
    {
        [CommandArgument(0, "<dir>"), Description("The local folder, e.g. a CelebA-layout dataset.")]
        public string Folder { get; init; } = "";

        [CommandArgument(1, "<location>"), Description("container/prefix in blob storage, e.g. datasets/faces.")]
        public string Location { get; init; } = "";

        [CommandOption("--connection-string <CS>"), Description("Azure Storage connection string (Azurite's for development). Default: $ConnectionStrings__Blobs.")]
        public string? ConnectionString { get; init; }

        [CommandOption("--account-url <URL>"), Description("https://ACCOUNT.blob.core.windows.net, signed in with DefaultAzureCredential (az login, managed identity).")]
        public string? AccountUrl { get; init; }

        /// <summary>The explicit options first; the environment's connection string only when neither is given.</summary>
        public (string? ConnectionString, string? AccountUrl) Connection =>
            !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(AccountUrl)
                ? (NullIfBlank(ConnectionString), NullIfBlank(AccountUrl))
                : (NullIfBlank(Environment.GetEnvironmentVariable(ConnectionStringVariable)), null);

        public BlobLocation ParsedLocation => BlobLocation.Parse(Location);

        public override ValidationResult Validate()
        {
            if (!Directory.Exists(Folder)) return ValidationResult.Error($"folder '{Folder}' not found");
            if (!Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Any()) return ValidationResult.Error($"folder '{Folder}' has no files");
            BlobLocation location;
            try
            {
                location = ParsedLocation;
            }
            catch (FormatException error)
            {
                return ValidationResult.Error($"'{Location}' is not container/prefix: {error.Message}");
            }
            // Azure's rule, checked here so a typo fails now and plainly rather than as a 400 from the service mid-upload.
            if (!ContainerName().IsMatch(location.Container) || location.Container.Contains("--"))
                return ValidationResult.Error($"'{location.Container}' is not a container name: 3-63 lowercase letters, digits and single hyphens, "
                    + "starting and ending with a letter or digit");
            var (connectionString, accountUrl) = Connection;
            if (connectionString is null && accountUrl is null)
                return ValidationResult.Error($"no blob storage: give --connection-string, --account-url or set {ConnectionStringVariable}");
            if (connectionString is null && (!Uri.TryCreate(accountUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
                return ValidationResult.Error($"--account-url '{accountUrl}' is not an http(s) URL");
            return ValidationResult.Success();
        }

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
        private static partial Regex ContainerName();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var location = settings.ParsedLocation;
        var (connectionString, accountUrl) = settings.Connection;
        var total = Directory.EnumerateFiles(settings.Folder, "*", SearchOption.AllDirectories).Count();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var store = BlobStores.AzureForUpload(connectionString, accountUrl);
            await JobProgressView.RunAsync($"upload {location}", async report =>
            {
                var progress = new FileCountProgress(total, report);
                return await store.UploadFolderAsync(settings.Folder, location, progress, cancellationToken);
            });
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Errors.Write($"upload to {location} failed: {error.Message}");
            return 1;
        }
        Output.MarkupLine($"uploaded {total} files to {Markup.Escape(location.ToString())} in {JobProgressView.Format(clock.Elapsed)}");
        return 0;
    }

    /// <summary>
    /// Reports arrive from 16 uploads at once, possibly out of order: only a higher count moves the bar, one report at a time
    /// (the plain reporter is not thread-safe). Synchronous, unlike Progress&lt;T&gt;, which would post to the thread pool.
    /// </summary>
    private sealed class FileCountProgress(int total, Action<double, string> report) : IProgress<int>
    {
        private readonly Lock gate = new();
        private int shown;

        public void Report(int done)
        {
            lock (gate)
            {
                if (done <= shown) return;
                shown = done;
                report((double)done / total, $"[{done}/{total} files]");
            }
        }
    }
}
