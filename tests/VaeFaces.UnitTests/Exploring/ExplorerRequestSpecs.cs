using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Explorer;

namespace VaeFaces.UnitTests.Exploring;

public class ExplorerRequestSpecs
{
    private static readonly string[] Attributes = ["Eyeglasses", "Male", "Smiling"];

    [Fact]
    public void Sliders_parse_by_attribute_case_insensitively()
    {
        var (sliders, problem) = ExplorerEndpoints.Sliders("smiling:1.5, Male:-2,Eyeglasses:0", Attributes);
        Assert.Null(problem);
        Assert.Equal(new Dictionary<string, double> { ["Smiling"] = 1.5, ["Male"] = -2, ["Eyeglasses"] = 0 }, sliders);
        Assert.Empty(ExplorerEndpoints.Sliders(null, Attributes).Sliders!);
    }

    [Theory]
    [InlineData("Smiling", "edits: 'Smiling' is not NAME:NUMBER")]
    [InlineData("Smiling:lots", "edits: 'Smiling:lots' is not NAME:NUMBER")]
    [InlineData("Smiling:NaN", "edits: 'Smiling:NaN' is not NAME:NUMBER")]
    [InlineData("Bald:1", "edits: no attribute vector for 'Bald'; available: Eyeglasses, Male, Smiling")]
    [InlineData("Male:5.1", "edits: Male is 5.1, outside -5..5")]
    public void A_bad_slider_value_is_refused_naming_it(string edits, string expected)
    {
        var (sliders, problem) = ExplorerEndpoints.Sliders(edits, Attributes);
        Assert.Null(sliders);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_set_comes_from_the_query_and_goes_back_into_one()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["model"] = "demo/model", ["vectors"] = "demo/vectors", ["dataset"] = "data/faces",
        });
        var (set, problem) = ExplorerSet.From(query);
        Assert.Null(problem);
        Assert.Equal(new ExplorerSet(BlobLocation.Parse("demo/model"), BlobLocation.Parse("demo/vectors"), null, BlobLocation.Parse("data/faces")), set);
        Assert.Equal("model=demo%2Fmodel&vectors=demo%2Fvectors&dataset=data%2Ffaces", set!.Query);

        var (missing, why) = ExplorerSet.From(new QueryCollection(new Dictionary<string, StringValues> { ["model"] = "demo/model" }));
        Assert.Null(missing);
        Assert.Equal("'vectors' is not given: a blob folder, container/path", why);
    }
}
