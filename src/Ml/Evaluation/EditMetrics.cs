namespace VaeFaces.Ml.Evaluation;

/// <summary>
/// Success and preservation of an edit from the judge's verdicts (true = attribute present), one row per image with one
/// column per judged attribute. "Before" is the judge on the unedited reconstruction, not the dataset label: both sides
/// then go through the same decoder, so neither the decoder's blur nor a wrong label counts as an edit's effect.
/// </summary>
public static class EditMetrics
{
    /// <summary>
    /// Of the images that did not show the target before (absent when adding, present when removing), how many show it
    /// after: no to yes when adding, yes to no when removing. Images where the target was covered (see
    /// <see cref="Data.CelebAAttributes.HiddenBy"/>) are not counted: nothing there could show it.
    /// </summary>
    public static EditRate Success(IReadOnlyList<bool> before, IReadOnlyList<bool> after, bool adding, IReadOnlyList<bool>? covered = null)
    {
        SameLength(before.Count, after.Count);
        if (covered is not null) SameLength(before.Count, covered.Count);
        int moved = 0, eligible = 0;
        for (var n = 0; n < before.Count; n++)
        {
            if (before[n] == adding || covered?[n] == true) continue;
            eligible++;
            if (after[n] == adding) moved++;
        }
        return new EditRate(moved, eligible);
    }

    /// <summary>
    /// Over every image and every attribute not in edited, how many judged values did not change. All images count,
    /// not only those Success counts: an edit must keep the rest of every face; pass a subset of rows to narrow it.
    /// An attribute is not counted on an image whose verdicts, before or after, show what covers it.
    /// </summary>
    /// <param name="coveredBy">Column of a covered attribute to the column of what covers it.</param>
    public static EditRate Preservation(IReadOnlyList<bool[]> before, IReadOnlyList<bool[]> after, IReadOnlyCollection<int> edited,
        IReadOnlyDictionary<int, int>? coveredBy = null)
    {
        SameLength(before.Count, after.Count);
        int kept = 0, total = 0;
        for (var n = 0; n < before.Count; n++)
        {
            SameLength(before[n].Length, after[n].Length);
            for (var a = 0; a < before[n].Length; a++)
            {
                if (edited.Contains(a)) continue;
                if (coveredBy is not null && coveredBy.TryGetValue(a, out var cover) && (before[n][cover] || after[n][cover])) continue;
                total++;
                if (before[n][a] == after[n][a]) kept++;
            }
        }
        return new EditRate(kept, total);
    }

    private static void SameLength(int before, int after)
    {
        if (before != after) throw new ArgumentException($"{before} verdicts before the edit, {after} after");
    }
}
