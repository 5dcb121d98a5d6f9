using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// How one face looks apart from its attributes: colours, proportions and placement. Lengths are in image pixels
/// before the face's own scale; the face is drawn around its centre, which sits at Offset from the nominal centre.
/// </summary>
internal sealed class FaceStyle
{
    public required SKColor BackgroundTop { get; init; }
    public required SKColor BackgroundBottom { get; init; }
    public required SKColor Skin { get; init; }
    public required SKColor HairColour { get; init; }
    public required SKColor BrowColour { get; init; }
    public required SKColor Iris { get; init; }
    public required SKColor Lips { get; init; }
    public required SKColor Clothes { get; init; }
    public required SKColor Hat { get; init; }
    public required SKColor HatBand { get; init; }
    public required SKColor GlassesFrame { get; init; }

    public required float OffsetX { get; init; }
    public required float OffsetY { get; init; }
    public required float Scale { get; init; }
    public required float RotationDegrees { get; init; }

    /// <summary>Half width and half height of the face outline (temple to temple, forehead to chin).</summary>
    public required float HalfWidth { get; init; }
    public required float HalfHeight { get; init; }
    /// <summary>Horizontal distance of each eye centre from the middle of the face.</summary>
    public required float EyeSpacing { get; init; }
    public required float NoseTip { get; init; }
    public required float NoseWidth { get; init; }
    public required float MouthY { get; init; }
    public required float MouthHalfWidth { get; init; }
    /// <summary>How far hair rises above the head (short hair) and how far long hair reaches out beside it.</summary>
    public required float HairVolume { get; init; }
    public required float HairWidth { get; init; }
    /// <summary>Horizontal position of the parting in long hair.</summary>
    public required float Parting { get; init; }
    public required bool RoundGlasses { get; init; }
    public required bool BrimmedHat { get; init; }
}
