namespace VaeFaces.Ml.Data;

/// <summary>The 40 CelebA attribute names in the order of list_attr_celeba.txt.</summary>
public static class CelebAAttributes
{
    public const string ImageFolder = "img_align_celeba";
    public const string AttributeFile = "list_attr_celeba.txt";
    public const string PartitionFile = "list_eval_partition.txt";

    public static IReadOnlyList<string> Names { get; } =
    [
        "5_o_Clock_Shadow", "Arched_Eyebrows", "Attractive", "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips",
        "Big_Nose", "Black_Hair", "Blond_Hair", "Blurry", "Brown_Hair", "Bushy_Eyebrows", "Chubby", "Double_Chin",
        "Eyeglasses", "Goatee", "Gray_Hair", "Heavy_Makeup", "High_Cheekbones", "Male", "Mouth_Slightly_Open",
        "Mustache", "Narrow_Eyes", "No_Beard", "Oval_Face", "Pale_Skin", "Pointy_Nose", "Receding_Hairline",
        "Rosy_Cheeks", "Sideburns", "Smiling", "Straight_Hair", "Wavy_Hair", "Wearing_Earrings", "Wearing_Hat",
        "Wearing_Lipstick", "Wearing_Necklace", "Wearing_Necktie", "Young",
    ];

    /// <summary>
    /// One look split over several columns: a face has at most one hair colour and a bald head has none, so changing one
    /// of these changes another by definition, not as a side effect. Edits do not count those as lost, and a conditional
    /// direction does not project them out (that would remove the attribute itself).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ExclusiveGroups { get; } = [["Bald", "Black_Hair", "Blond_Hair", "Brown_Hair", "Gray_Hair"]];

    /// <summary>
    /// Attributes something else covers, by the attribute that covers them: a hat hides the scalp, so whether a head
    /// under a hat is bald cannot be seen (the synthetic faces never draw one; CelebA's annotators could not tell). Where
    /// the cover is on, no judge can say whether the hidden attribute is there, so edits count it neither gained nor lost.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HiddenBy { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Bald"] = "Wearing_Hat" };

    /// <summary>The other members of the attribute's exclusive groups (letter case ignored).</summary>
    public static IEnumerable<string> ExclusiveWith(string attribute) => ExclusiveGroups
        .Where(g => g.Contains(attribute, StringComparer.OrdinalIgnoreCase))
        .SelectMany(g => g.Where(a => !string.Equals(a, attribute, StringComparison.OrdinalIgnoreCase)));
}
