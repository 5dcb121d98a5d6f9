using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Scheduler.Api;

namespace VaeFaces.UnitTests.Scheduler;

public class ScheduleValidationSpecs
{
    private static ScheduleRequest Request(string kind = nameof(TrainModel), string parameters = """{"dataset": "datasets/faces"}""",
        string cron = "0 3 * * *", params string[] then) =>
        new(cron, kind, JsonDocument.Parse(parameters).RootElement, then);

    [Fact]
    public void A_retrain_schedule_chaining_statistics_and_vectors_is_valid()
    {
        Assert.Empty(ScheduleValidation.Problems("nightly", Request(then: [nameof(ComputeLatentStatistics), nameof(ExtractAttributeVectors)])));
    }

    [Fact]
    public void Every_step_that_cannot_be_chained_is_named()
    {
        var problems = ScheduleValidation.Problems("nightly",
            Request(then: [nameof(GenerateSamples), nameof(ComputeLatentStatistics), nameof(EditImages)]));

        var then = Assert.Single(problems).Value;
        Assert.Equal(2, then.Length);
        // Samples need the statistics, which no step before them makes.
        Assert.StartsWith($"{nameof(GenerateSamples)}: Statistics is required", then[0], StringComparison.Ordinal);
        Assert.StartsWith($"'{nameof(EditImages)}' cannot be chained", then[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_steps_are_named_beside_a_bad_template()
    {
        var problems = ScheduleValidation.Problems("nightly", Request(parameters: """{"dataset": "datasets/faces", "epochs": -1}""",
            then: [nameof(GenerateSamples)]));
        Assert.Equal(["parameters.Epochs", "then"], problems.Keys.Order());
    }

    [Fact]
    public void The_pipeline_after_training_chains_in_its_order()
    {
        Assert.Empty(ScheduleValidation.Problems("nightly", Request(then:
            [nameof(ComputeLatentStatistics), nameof(GenerateSamples), nameof(ExtractAttributeVectors), nameof(ExploreAttributes)])));
        var then = ScheduleValidation.Problems("nightly", Request(then: [nameof(ExploreAttributes), nameof(ExtractAttributeVectors)]))["then"];
        Assert.Contains("Vectors is required", Assert.Single(then), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_on_a_job_other_than_training_is_refused_beside_its_bad_steps()
    {
        var problems = ScheduleValidation.Problems("samples",
            Request(nameof(ComputeLatentStatistics), """{"model": "artifacts/m", "dataset": "datasets/faces"}""", then: [nameof(EditImages)]));

        var then = problems["then"];
        Assert.Equal(2, then.Length);
        Assert.Contains(then, p => p.Contains(nameof(EditImages), StringComparison.Ordinal));
        Assert.Contains(then, p => p.Contains("only a TrainModel", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Nightly")]
    [InlineData("-nightly")]
    [InlineData("nightly run")]
    [InlineData("")]
    public void A_name_other_than_lowercase_letters_digits_and_hyphens_is_refused(string name)
    {
        Assert.Equal(["name"], ScheduleValidation.Problems(name, Request()).Keys);
    }

    [Fact]
    public void A_bad_cron_a_bad_template_and_a_non_string_output_are_all_reported()
    {
        var problems = ScheduleValidation.Problems("nightly",
            Request(parameters: """{"dataset": "datasets/faces", "epochs": -1, "output": {"container": "runs"}}""", cron: "every night"));

        Assert.Equal(["cron", "parameters.Epochs", "parameters.output"], problems.Keys.Order());
    }
}
