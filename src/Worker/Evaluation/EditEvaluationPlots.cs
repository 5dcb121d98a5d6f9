using VaeFaces.Ml.Evaluation;
using VaeFaces.Ml.Imaging;

namespace VaeFaces.Worker.Evaluation;

public static class EditEvaluationPlots
{
    /// <summary>One line per attribute: success against magnitude, for one method.</summary>
    public static byte[] SuccessByMagnitude(IReadOnlyList<EditPoint> points, string method) => LinePlot.RenderPng(
        $"Edit success by magnitude ({method})", "magnitude (class-mean distances)", "success",
        points.Where(p => p.Method == method).GroupBy(p => p.Attribute)
            .Select(a => new PlotSeries(a.Key, a.Select(p => p.Magnitude).ToList(), a.Select(p => p.Success.Fraction).ToList())).ToList(),
        width: 900, height: 600);

    /// <summary>One line per method: mean success against mean preservation over the attributes, a point per magnitude.</summary>
    public static byte[] SuccessByPreservation(IReadOnlyList<EditPoint> points) => LinePlot.RenderPng(
        "Success against preservation (mean over attributes; one point per magnitude)", "preservation", "success",
        points.GroupBy(p => p.Method).Select(method =>
        {
            var byMagnitude = method.GroupBy(p => p.Magnitude).OrderBy(g => g.Key).ToList();
            return new PlotSeries(method.Key,
                byMagnitude.Select(g => g.Select(p => p.Preservation.Fraction).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToList(),
                byMagnitude.Select(g => g.Select(p => p.Success.Fraction).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToList());
        }).ToList());
}
