using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Draws the traits and the look of one face from its own random stream. Rates are chosen so every drawn attribute
/// has plenty of positives and negatives; a few follow real-life links (old people are more often gray or bald).
/// </summary>
internal static class FaceSampler
{
    public static (FaceTraits Traits, FaceStyle Style) Sample(Random random)
    {
        var traits = SampleTraits(random);
        return (traits, SampleStyle(random, traits));
    }

    private static FaceTraits SampleTraits(Random random)
    {
        var male = Chance(random, 0.5);
        var young = Chance(random, 0.6);
        var hat = Chance(random, 0.2);
        // Bald only for men, and never under a hat, where it could not be seen.
        var bald = male && !hat && Chance(random, young ? 0.3 : 0.55);
        var hair = bald ? HairColour.None : SampleHairColour(random, male, young);
        return new FaceTraits(
            Male: male,
            Young: young,
            Smiling: Chance(random, 0.5),
            Eyeglasses: Chance(random, young ? 0.22 : 0.4),
            WearingHat: hat,
            Bald: bald,
            Mustache: male && Chance(random, 0.45),
            PaleSkin: Chance(random, 0.25),
            Hair: hair);
    }

    /// <summary>
    /// Gray mostly for the old; blond mostly for women, as in CelebA. Fewer blond men also keeps "bald" clear: a
    /// short light-coloured crop is what a bald scalp is most easily mistaken for.
    /// </summary>
    private static HairColour SampleHairColour(Random random, bool male, bool young)
    {
        var (gray, black) = (male, young) switch
        {
            (false, true) => (0.04, 0.46),
            (true, true) => (0.04, 0.62),
            (false, false) => (0.55, 0.20),
            (true, false) => (0.60, 0.25),
        };
        var u = random.NextDouble();
        return u < gray ? HairColour.Gray : u < gray + black ? HairColour.Black : HairColour.Blond;
    }

    private static FaceStyle SampleStyle(Random random, FaceTraits traits)
    {
        var hair = traits.Hair switch
        {
            HairColour.Black => Colours.Jitter(random, Colours.BlackHair, 8),
            HairColour.Blond => Colours.Jitter(random, Colours.BlondHair, 14),
            HairColour.Gray => Colours.Jitter(random, Colours.GrayHair, 14),
            _ => SKColors.Transparent,
        };
        var skin = traits.PaleSkin
            ? Colours.Jitter(random, Colours.PaleSkin, 4)
            : Colours.Jitter(random, Colours.Lerp(Colours.LightSkin, Colours.DarkSkin, Uniform(random, 0, 1)), 6);
        // Brows are a darker shade of the hair, so even blond and gray brows stand out against the skin; men's
        // are darker still, one of the few male cues that darkens the image whatever the colours.
        var brow = traits.Hair == HairColour.None
            ? (traits.Young ? new SKColor(44, 32, 26) : new SKColor(80, 76, 74))
            : Colours.Lerp(hair, new SKColor(20, 14, 12), traits.Male ? 0.7f : 0.45f);

        var backgroundHue = Uniform(random, 0, 360);
        // Backgrounds are muted mid-tones: never as light as gray or blond hair nor as dark as black hair, so long
        // hair keeps its outline whatever its colour.
        var background = Colours.Hsv(backgroundHue, Uniform(random, 8, 30), Uniform(random, 42, 72));
        // Hats are strongly coloured blues, a colour family nothing else in the image uses, so "hat" is one
        // consistent direction in colour space whatever the hat's exact shade. Purple would share skin's
        // red-over-green tint and blur the line between a hat and a bald head.
        var hatHue = Uniform(random, 200, 245);
        var hatValue = Uniform(random, 50, 85);
        // Clothes avoid the hat hues for the same reason.
        var clothesHue = Uniform(random, 0, 295);
        if (clothesHue > 190) clothesHue += 65;

        var male = traits.Male;
        return new FaceStyle
        {
            BackgroundTop = background,
            BackgroundBottom = Colours.Hsv(backgroundHue + Uniform(random, -25, 25), Uniform(random, 8, 30), Uniform(random, 40, 68)),
            Skin = skin,
            HairColour = hair,
            BrowColour = brow,
            Iris = Colours.Irises[random.Next(Colours.Irises.Length)],
            Lips = Colours.Lerp(Colours.Darken(skin, 0.35f), new SKColor(150, 50, 60), 0.45f),
            Clothes = Colours.Hsv(clothesHue, Uniform(random, 20, 70), Uniform(random, 25, 80)),
            Hat = Colours.Hsv(hatHue, Uniform(random, 65, 95), hatValue),
            // The band stays in the hat's hue: a white band would look like gray hair at the hairline.
            HatBand = Chance(random, 0.5) ? Colours.Hsv(hatHue, 80, hatValue * 0.45f) : Colours.Hsv(hatHue, 40, 95),
            GlassesFrame = Colours.Jitter(random, new SKColor(28, 24, 26), 10),
            OffsetX = Uniform(random, -8, 8),
            OffsetY = Uniform(random, -8, 8),
            Scale = Uniform(random, 0.9f, 1.1f),
            RotationDegrees = Uniform(random, -8, 8),
            HalfWidth = male ? Uniform(random, 41, 45) : Uniform(random, 38, 41),
            HalfHeight = Uniform(random, 52, 56),
            EyeSpacing = Uniform(random, 16.5f, 19),
            NoseTip = Uniform(random, 12, 16),
            NoseWidth = Uniform(random, 5.5f, 8.5f),
            MouthY = Uniform(random, 31, 34),
            MouthHalfWidth = traits.Smiling ? Uniform(random, 17, 20) : Uniform(random, 9, 12),
            // Men's hair stands high, so that a bald head is a different outline, not only a different colour.
            HairVolume = male ? Uniform(random, 14, 20) : Uniform(random, 9, 15),
            HairWidth = Uniform(random, 11, 18),
            Parting = Uniform(random, -12, 12),
            RoundGlasses = Chance(random, 0.4),
            BrimmedHat = Chance(random, 0.5),
        };
    }

    private static bool Chance(Random random, double probability) => random.NextDouble() < probability;

    private static float Uniform(Random random, float min, float max) => min + (float)random.NextDouble() * (max - min);
}
