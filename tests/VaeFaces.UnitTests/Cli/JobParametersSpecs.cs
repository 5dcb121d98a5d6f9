using System.Text.Json.Nodes;
using VaeFaces.Cli.Api;

namespace VaeFaces.UnitTests.Cli;

public class JobParametersSpecs
{
    private static string Built(params string[] pairs) => JobParameters.Build(null, pairs).ToJsonString();

    [Theory]
    [InlineData("epochs=5", """{"epochs":5}""")]
    [InlineData("learningRate=5e-4", """{"learningRate":5e-4}""")]
    [InlineData("skipBadImages=true", """{"skipBadImages":true}""")]
    [InlineData("split=null", """{"split":null}""")]
    [InlineData("then=[\"a\",1]", """{"then":["a",1]}""")]
    [InlineData("edits={\"Smiling\":2}", """{"edits":{"Smiling":2}}""")]
    [InlineData("dataset=datasets/faces", """{"dataset":"datasets/faces"}""")]
    [InlineData("split=test", """{"split":"test"}""")]
    [InlineData("name=\"true\"", """{"name":"true"}""")]
    [InlineData("seed=007", """{"seed":"007"}""")]
    [InlineData("note=a=b", """{"note":"a=b"}""")]
    [InlineData("split=", """{"split":""}""")]
    public void A_value_is_json_when_it_parses_and_a_string_otherwise(string pair, string expected) =>
        Assert.Equal(expected, Built(pair));

    [Fact]
    public void Dotted_keys_build_nested_objects_and_share_them()
    {
        Assert.Equal("""{"edits":{"Smiling":2,"Eyeglasses":-1},"model":{"container":"artifacts","prefix":"jobs/1"}}""",
            Built("edits.Smiling=2", "edits.Eyeglasses=-1", "model.container=artifacts", "model.prefix=jobs/1"));
    }

    [Fact]
    public void A_later_value_replaces_an_earlier_one_in_any_letter_case()
    {
        var file = """{"epochs": 20, "dataset": "datasets/faces", "edits": {"Smiling": 1}}""";
        var parameters = JobParameters.Build(file, ["Epochs=3", "edits.Smiling=2"]);
        Assert.Equal("""{"dataset":"datasets/faces","edits":{"Smiling":2},"Epochs":3}""", parameters.ToJsonString());
    }

    [Fact]
    public void A_params_file_may_have_comments_and_trailing_commas()
    {
        var parameters = JobParameters.Build("{ // the nightly run\n \"epochs\": 20, }", []);
        Assert.Equal(20, parameters["epochs"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("epochs", "not key=value")]
    [InlineData("=5", "empty name")]
    [InlineData("edits..Smiling=2", "empty name")]
    [InlineData("edits.=2", "empty name")]
    public void A_malformed_pair_is_refused_with_its_text(string pair, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Built(pair));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(pair, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_under_a_value_that_is_not_an_object_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Built("edits=2", "edits.Smiling=2"));
        Assert.Contains("'edits' is already a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_under_null_makes_an_object()
    {
        Assert.Equal("""{"edits":{"Smiling":2}}""", Built("edits=null", "edits.Smiling=2"));
    }

    [Theory]
    [InlineData("[1, 2]", "must hold a JSON object")]
    [InlineData("{\"epochs\": ", "is not valid JSON")]
    public void A_params_file_must_be_a_json_object(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JobParameters.Build(json, [], "--params-file p.json"));
        Assert.Contains("--params-file p.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_independent_nodes_that_serialize_into_a_request()
    {
        var parameters = JobParameters.Build(null, ["tags=[1,2]", "tags2=[1,2]"]);
        Assert.IsType<JsonArray>(parameters["tags"]);
        Assert.Equal("""{"tags":[1,2],"tags2":[1,2]}""", System.Text.Json.JsonSerializer.Serialize(parameters, SchedulerClient.Json));
    }
}
