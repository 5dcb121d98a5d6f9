using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Explorer;

/// <summary>
/// What the explorer needs: a trained model, its attribute vectors, its latent statistics (for random faces; optional)
/// and the dataset whose test split gives the faces to start from. Carried in the query string, so a link opens it.
/// </summary>
public sealed record ExplorerSet(BlobLocation Model, BlobLocation Vectors, BlobLocation? Statistics, BlobLocation Dataset)
{
    public string Query => $"model={Uri.EscapeDataString(Model.ToString())}&vectors={Uri.EscapeDataString(Vectors.ToString())}"
        + (Statistics is { } statistics ? $"&statistics={Uri.EscapeDataString(statistics.ToString())}" : "")
        + $"&dataset={Uri.EscapeDataString(Dataset.ToString())}";

    /// <summary>The set a query names, or the one-line problem with it (which parameter, what is wrong).</summary>
    public static (ExplorerSet? Set, string? Problem) From(IQueryCollection query)
    {
        string? missing = null;
        BlobLocation? Location(string name, bool required)
        {
            var text = query[name].ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required) missing ??= $"'{name}' is not given: a blob folder, container/path";
                return null;
            }
            try
            {
                return BlobLocation.Parse(text);
            }
            catch (FormatException error)
            {
                missing ??= $"'{name}': {error.Message}";
                return null;
            }
        }
        var model = Location("model", true);
        var vectors = Location("vectors", true);
        var statistics = Location("statistics", false);
        var dataset = Location("dataset", true);
        return missing is null ? (new ExplorerSet(model!, vectors!, statistics, dataset!), null) : (null, missing);
    }
}
