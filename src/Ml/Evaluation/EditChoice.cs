namespace VaeFaces.Ml.Evaluation;

/// <summary>An attribute's chosen point per method, and the best of them.</summary>
public sealed record AttributeChoice(string Attribute, IReadOnlyList<EditPoint> PerMethod, EditPoint Best);

/// <summary>
/// How a sweep becomes an answer. Per method, the chosen magnitude is the smallest whose success reaches minSuccess
/// (the gentlest edit that works), or the most successful one when none does. The best method is the one that keeps
/// the most of the rest of the face (preservation) among those reaching minSuccess, else the most successful.
/// </summary>
public static class EditChoice
{
    public static IReadOnlyList<AttributeChoice> Choose(IReadOnlyList<EditPoint> points, double minSuccess) =>
        points.GroupBy(p => p.Attribute).Select(attribute =>
        {
            var perMethod = attribute.GroupBy(p => p.Method).Select(method => Chosen(method.ToList(), minSuccess)).ToList();
            var reaching = perMethod.Where(p => Reaches(p, minSuccess)).ToList();
            var best = reaching.Count > 0
                ? reaching.OrderByDescending(p => p.Preservation.Fraction).ThenByDescending(p => p.Success.Fraction).First()
                : perMethod.OrderByDescending(p => Score(p.Success)).ThenByDescending(p => Score(p.Preservation)).First();
            return new AttributeChoice(attribute.Key, perMethod, best);
        }).ToList();

    private static EditPoint Chosen(List<EditPoint> sweep, double minSuccess) =>
        sweep.Where(p => Reaches(p, minSuccess)).OrderBy(p => p.Magnitude).FirstOrDefault()
        ?? sweep.OrderByDescending(p => Score(p.Success)).ThenBy(p => p.Magnitude).First();

    private static bool Reaches(EditPoint point, double minSuccess) => point.Success.Fraction >= minSuccess;

    // NaN (nothing to count) ranks last.
    private static double Score(EditRate rate) => double.IsNaN(rate.Fraction) ? -1 : rate.Fraction;
}
