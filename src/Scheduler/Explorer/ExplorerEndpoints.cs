using System.Globalization;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Storage;

namespace VaeFaces.Scheduler.Explorer;

/// <summary>
/// The explorer's images: a face as the model sees it, and the face decoded with slider values (the page itself lists
/// the set's attributes and faces). GET only, so the images are plain img elements; a bad set or face gets one line saying what is wrong.
/// </summary>
public static class ExplorerEndpoints
{
    /// <summary>The tutorial's slider range.</summary>
    public const double SliderLimit = 5;

    public static void MapExplorer(this RouteGroupBuilder ui)
    {
        var explorer = ui.MapGroup("/explorer");
        explorer.MapGet("/original", (HttpRequest request, string file, ExplorerCache cache, IBlobStore blobs, CancellationToken token) =>
            WithSetAsync(request, cache, token, async loaded =>
            {
                if (!loaded.Faces.Contains(file)) return Results.Problem($"'{file}' is not one of the faces offered", statusCode: StatusCodes.Status404NotFound);
                return Results.File(loaded.Explorer.InputPng(await ImageAsync(blobs, loaded.Set, file, token), file), "image/png");
            }));
        explorer.MapGet("/render", (HttpRequest request, string face, string? edits, ExplorerCache cache, IBlobStore blobs, CancellationToken token) =>
            WithSetAsync(request, cache, token, async loaded =>
            {
                if (Face(face, loaded) is { } faceProblem) return Results.Problem(faceProblem, statusCode: StatusCodes.Status400BadRequest);
                var (sliders, problem) = Sliders(edits, loaded.Explorer.Attributes);
                if (problem is not null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
                var code = await loaded.CodeAsync(face, () => ImageAsync(blobs, loaded.Set, face[5..], token));
                return Results.File(loaded.Explorer.RenderPng(code, sliders!), "image/png");
            }));
    }

    /// <summary>"Smiling:1.5,Male:-2" to slider values; each within ±<see cref="SliderLimit"/> and with a vector.</summary>
    public static (Dictionary<string, double>? Sliders, string? Problem) Sliders(string? text, IReadOnlyCollection<string> attributes)
    {
        var sliders = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                return (null, $"edits: '{part}' is not NAME:NUMBER");
            var name = attributes.FirstOrDefault(a => a.Equals(pair[0], StringComparison.OrdinalIgnoreCase));
            if (name is null) return (null, $"edits: no attribute vector for '{pair[0]}'; available: {string.Join(", ", attributes.Order(StringComparer.Ordinal))}");
            if (Math.Abs(value) > SliderLimit) return (null, $"edits: {name} is {value}, outside -{SliderLimit}..{SliderLimit}");
            sliders[name] = value;
        }
        return (sliders, null);
    }

    private static string? Face(string face, LoadedExplorer loaded) => face switch
    {
        _ when face.StartsWith("file:", StringComparison.Ordinal) && loaded.Faces.Contains(face[5..]) => null,
        _ when face.StartsWith("seed:", StringComparison.Ordinal) && int.TryParse(face[5..], NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
            loaded.Explorer.CanSample ? null : "this set has no latent statistics, so there are no random faces: give 'statistics'",
        _ => $"face: '{face}' is neither file:NAME (one of the faces offered) nor seed:N",
    };

    private static Task<byte[]> ImageAsync(IBlobStore blobs, ExplorerSet set, string file, CancellationToken token) =>
        blobs.ReadBytesAsync(set.Dataset.Child(CelebAAttributes.ImageFolder).Child(file), token);

    private static async Task<IResult> WithSetAsync(HttpRequest request, ExplorerCache cache, CancellationToken token, Func<LoadedExplorer, Task<IResult>> use)
    {
        var (set, problem) = ExplorerSet.From(request.Query);
        if (set is null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        try
        {
            return await use(await cache.GetAsync(set, token));
        }
        catch (ObjectDisposedException)
        {
            // Dropped from the cache while this request held it: load it again once.
            return await use(await cache.GetAsync(set, token));
        }
        catch (Exception error) when (ExplorerCache.IsSetProblem(error))
        {
            return Results.Problem(error.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }
}
