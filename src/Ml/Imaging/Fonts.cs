using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Finds a font file for labels. The NoDependencies Skia build has no fontconfig, so the default typeface draws
/// nothing: a .ttf is loaded by path instead, and callers skip text when none exists (slim Docker images).
/// </summary>
internal static class Fonts
{
    private static readonly string[] KnownFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/ttf-dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly string[] FontDirectories =
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/fonts"),
    ];

    private static readonly Lazy<SKTypeface?> Cached = new(Find);

    /// <summary>A sans-serif typeface, or null when the machine has no usable font file.</summary>
    public static SKTypeface? Typeface => Cached.Value;

    /// <summary>A font of the given size, or null when there is no typeface (the caller then draws no text).</summary>
    public static SKFont? Create(float size) =>
        Typeface is { } typeface ? new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias } : null;

    private static SKTypeface? Find()
    {
        foreach (var path in KnownFiles.Concat(SearchDirectories()))
        {
            var typeface = TryLoad(path);
            if (typeface is not null) return typeface;
        }
        return null;
    }

    /// <summary>Any .ttf under the usual font folders, sans-serif regular faces first.</summary>
    private static IEnumerable<string> SearchDirectories()
    {
        var files = new List<string>();
        foreach (var directory in FontDirectories.Where(Directory.Exists))
        {
            try
            {
                files.AddRange(Directory.EnumerateFiles(directory, "*.ttf", SearchOption.AllDirectories));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder just contributes no fonts.
            }
        }
        return files.OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal);

        static int Rank(string file)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var sans = name.Contains("Sans", StringComparison.OrdinalIgnoreCase) && !name.Contains("Mono", StringComparison.OrdinalIgnoreCase);
            var styled = name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Italic", StringComparison.OrdinalIgnoreCase)
                || name.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
            return (sans ? 0 : 2) + (styled ? 1 : 0);
        }
    }

    private static SKTypeface? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        var typeface = SKTypeface.FromFile(path);
        // A file Skia cannot parse, or one without Latin glyphs, is no use for labels.
        if (typeface is null || typeface.GetGlyphs("0Ag").Any(g => g == 0))
        {
            typeface?.Dispose();
            return null;
        }
        return typeface;
    }
}
