using ScottPlot;
using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// The one typeface of every plot and image grid: DejaVu Sans, embedded in this assembly. The NoDependencies Skia
/// build has no fontconfig and slim containers have no font files, so a system font would draw nothing; an
/// embedded file renders the same text everywhere without downloads.
/// </summary>
internal static class PlotFont
{
    public const string Name = "DejaVu Sans";
    private const string Resource = "VaeFaces.Ml.Imaging.DejaVuSans.ttf";

    private static readonly Lazy<SKTypeface> Loaded = new(Load);
    private static readonly Lazy<bool> Registered = new(Register);

    public static SKTypeface Typeface => Loaded.Value;

    /// <summary>Makes ScottPlot draw all its text with this typeface; call before creating a plot.</summary>
    public static void UseInScottPlot() => _ = Registered.Value;

    private static SKTypeface Load()
    {
        using var stream = typeof(PlotFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded font {Resource} is missing from {typeof(PlotFont).Assembly.GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Skia could not read the embedded font {Resource}.");
    }

    private static bool Register()
    {
        // First in the list, and for any name: labels that ScottPlot gives a detected or system font name would
        // otherwise get a typeface with no glyphs.
        Fonts.FontResolvers.Insert(0, new Resolver());
        Fonts.Default = Fonts.Sans = Fonts.Serif = Fonts.Monospace = Name;
        return true;
    }

    /// <summary>Answers every request with the embedded regular face: it is the only one shipped.</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Typeface;

        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => Typeface;
    }
}
