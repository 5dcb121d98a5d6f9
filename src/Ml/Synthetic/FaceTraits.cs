namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Hair colour, None for bald heads. There is deliberately no brown or red: those lie between the other hair
/// colours and skin in colour space, so neither they nor baldness could be told apart along one latent direction.
/// </summary>
internal enum HairColour
{
    None,
    Black,
    Blond,
    Gray,
}

/// <summary>The ground truth of one face: exactly what is drawn and written to the attribute file.</summary>
internal sealed record FaceTraits(
    bool Male,
    bool Young,
    bool Smiling,
    bool Eyeglasses,
    bool WearingHat,
    bool Bald,
    bool Mustache,
    bool PaleSkin,
    HairColour Hair);
