using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Turns drawn traits into a CelebA attribute row: +1/-1 for what is drawn, -1 for everything else.</summary>
internal static class FaceAttributeRow
{
    public static IReadOnlyList<string> Drawn { get; } =
    [
        "Male", "Young", "Smiling", "Eyeglasses", "Wearing_Hat", "Bald", "Mustache", "No_Beard", "Pale_Skin",
        "Black_Hair", "Blond_Hair", "Gray_Hair", "Bags_Under_Eyes",
    ];

    private static readonly int[] Columns = Drawn.Select(IndexOf).ToArray();

    public static sbyte[] For(FaceTraits traits)
    {
        var row = new sbyte[CelebAAttributes.Names.Count];
        Array.Fill(row, (sbyte)-1);
        bool[] values =
        [
            traits.Male, traits.Young, traits.Smiling, traits.Eyeglasses, traits.WearingHat, traits.Bald, traits.Mustache,
            // No beards are ever drawn, so "no beard" is exactly "no moustache"; eye bags are drawn on every old face.
            !traits.Mustache, traits.PaleSkin,
            traits.Hair == HairColour.Black, traits.Hair == HairColour.Blond, traits.Hair == HairColour.Gray,
            !traits.Young,
        ];
        for (var i = 0; i < values.Length; i++) row[Columns[i]] = values[i] ? (sbyte)1 : (sbyte)-1;
        return row;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < CelebAAttributes.Names.Count; i++)
            if (CelebAAttributes.Names[i] == name) return i;
        throw new InvalidOperationException($"'{name}' is not a CelebA attribute.");
    }
}
