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
    /// after: no to yes when adding, yes to no when removing.
    /// </summary>
    public static EditRate Success(IReadOnlyList<bool> before, IReadOnlyList<bool> after, bool adding)
    {
        SameLength(before.Count, after.Count);
        int moved = 0, eligible = 0;
        for (var n = 0; n < before.Count; n++)
        {
            if (before[n] == adding) continue;
            eligible++;
            if (after[n] == adding) moved++;
        }
        return new EditRate(moved, eligible);
    }

    /// <summary>
    /// Over every image and every attribute not in edited, how many judged values did not change. All images count,
    /// not only those Success counts: an edit must keep the rest of every face; pass a subset of rows to narrow it.
    /// </summary>
    public static EditRate Preservation(IReadOnlyList<bool[]> before, IReadOnlyList<bool[]> after, IReadOnlyCollection<int> edited)
    {
        SameLength(before.Count, after.Count);
        int kept = 0, total = 0;
        for (var n = 0; n < before.Count; n++)
        {
            SameLength(before[n].Length, after[n].Length);
            for (var a = 0; a < before[n].Length; a++)
            {
                if (edited.Contains(a)) continue;
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
