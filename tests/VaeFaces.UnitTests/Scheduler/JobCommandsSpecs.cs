using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.UnitTests.Scheduler;

/// <summary>The job API's and the schedules' way from a kind and JSON parameters to a command, or to problems by field.</summary>
public class JobCommandsSpecs
{
    private static readonly Guid Id = Guid.Parse("5f0c2d1e-7a4b-4c3d-9e8f-0a1b2c3d4e5f");

    private static (IJobCommand? Command, Dictionary<string, string[]> Errors) Build(string? kind, string parameters) =>
        JobCommands.Build(kind, JsonDocument.Parse(parameters).RootElement, Id);

    [Fact]
    public void A_valid_train_model_is_built_with_the_given_values_and_the_defaults_for_the_rest()
    {
        var (command, errors) = Build("TrainModel", """{"dataset": "datasets/faces", "epochs": 3, "imageSize": 64}""");

        Assert.Empty(errors);
        var train = Assert.IsType<TrainModel>(command);
        Assert.Equal(new BlobLocation("datasets", "faces"), train.Dataset);
        Assert.Equal(3, train.Epochs);
        Assert.Equal(64, train.ImageSize);
        Assert.Equal(new TrainModel { JobId = Id, Dataset = train.Dataset, Output = train.Output }.LatentDim, train.LatentDim);
    }

    [Fact]
    public void The_kind_is_matched_in_any_letter_case()
    {
        var (command, errors) = Build("computelatentstatistics", """{"model": "artifacts/m", "dataset": "datasets/faces"}""");
        Assert.Empty(errors);
        Assert.IsType<ComputeLatentStatistics>(command);
    }

    [Fact]
    public void The_job_id_is_the_callers_whatever_the_parameters_say()
    {
        var (command, _) = Build("TrainModel", """{"dataset": "datasets/faces", "JobID": "11111111-1111-1111-1111-111111111111"}""");
        Assert.Equal(Id, command!.JobId);
    }

    [Fact]
    public void Without_an_output_the_job_writes_to_a_folder_named_after_its_id()
    {
        var (command, _) = Build("TrainModel", """{"dataset": "datasets/faces"}""");
        Assert.Equal(new BlobLocation(JobCommands.DefaultContainer, $"jobs/{Id}"), command!.Output);
    }

    [Fact]
    public void A_location_may_be_a_string_or_an_object_in_any_letter_case()
    {
        var (command, errors) = Build("TrainModel", """{"Dataset": {"Container": "datasets", "prefix": "faces/v2"}, "OUTPUT": "runs/a/b"}""");
        Assert.Empty(errors);
        var train = Assert.IsType<TrainModel>(command);
        Assert.Equal(new BlobLocation("datasets", "faces/v2"), train.Dataset);
        Assert.Equal(new BlobLocation("runs", "a/b"), train.Output);
    }

    [Fact]
    public void Numbers_may_come_as_strings()
    {
        var (command, errors) = Build("TrainModel", """{"dataset": "datasets/faces", "epochs": "4", "learningRate": "0.002"}""");
        Assert.Empty(errors);
        Assert.Equal(4, ((TrainModel)command!).Epochs);
        Assert.Equal(0.002, ((TrainModel)command).LearningRate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("TrainEverything")]
    public void An_unknown_kind_is_the_only_problem_named(string? kind)
    {
        var (command, errors) = Build(kind, """{"epochs": 0}""");
        Assert.Null(command);
        Assert.Equal(["kind"], errors.Keys);
        Assert.Contains("TrainModel", Assert.Single(errors["kind"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"epochs=3\"")]
    [InlineData("42")]
    public void Parameters_that_are_not_an_object_are_refused(string parameters)
    {
        var (command, errors) = Build("TrainModel", parameters);
        Assert.Null(command);
        Assert.Equal(["parameters"], errors.Keys);
    }

    [Fact]
    public void Every_invalid_value_is_named_by_its_field()
    {
        var (command, errors) = Build("TrainModel",
            """{"dataset": "datasets/faces", "epochs": 0, "imageSize": 100, "optimizer": "sgd", "learningRate": "NaN"}""");
        Assert.Null(command);
        Assert.Equal(["parameters.Epochs", "parameters.ImageSize", "parameters.LearningRate", "parameters.Optimizer"], errors.Keys.Order());
    }

    [Fact]
    public void Oversized_parameters_are_refused_naming_each_field()
    {
        var (command, errors) = Build("TrainModel",
            """{"dataset": "datasets/faces", "imageSize": 128, "batchSize": 30000, "epochs": 2000000000}""");
        Assert.Null(command);
        Assert.Equal(["parameters.BatchSize", "parameters.Epochs"], errors.Keys.Order());
        Assert.Equal(["must be at most 4096 (got 30000)"], errors["parameters.BatchSize"]);
        Assert.Equal(["must be at most 10000 (got 2000000000)"], errors["parameters.Epochs"]);

        var (edit, editErrors) = Build("EditImages",
            """{"model": "artifacts/m", "vectors": "artifacts/v", "input": "datasets/faces", "edits": {"Smiling": 1e9}}""");
        Assert.Null(edit);
        Assert.Equal(["parameters.Edits"], editErrors.Keys);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_path()
    {
        var (command, errors) = Build("TrainModel", """{"dataset": "datasets/faces", "epochs": "many"}""");
        Assert.Null(command);
        var (field, problems) = Assert.Single(errors);
        Assert.Equal("parameters.epochs", field);
        Assert.DoesNotContain("Path:", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_location_is_reported()
    {
        var (command, errors) = Build("TrainModel", """{"epochs": 2}""");
        Assert.Null(command);
        Assert.Contains("dataset", string.Join(" ", errors.Values.SelectMany(v => v)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var (command, errors) = Build("TrainModel", """{"dataset": "datasets/faces", "epochz": 2}""");
        Assert.Null(command);
        Assert.Contains("epochz", string.Join(" ", errors.Values.SelectMany(v => v)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_commands_stored_json_builds_the_same_command_again()
    {
        var (command, _) = Build("ExtractAttributeVectors",
            """{"model": "artifacts/m", "dataset": {"container": "datasets", "prefix": "faces"}, "minCount": 5}""");

        var json = JobCommands.ToJson(command!);

        Assert.Equal("datasets/faces", json.GetProperty("dataset").GetString());
        Assert.Equal($"{JobCommands.DefaultContainer}/jobs/{Id}", json.GetProperty("output").GetString());
        Assert.Equal(command, JobCommands.Build(nameof(ExtractAttributeVectors), json, Id).Command);
    }
}
