using VaeFaces.Cli.Pipeline;
using VaeFaces.Contracts;
using VaeFaces.UnitTests.Data;

namespace VaeFaces.UnitTests.Cli;

/// <summary>What the pipeline checks before its first job: its edits against the attributes that will get a vector, and every step's parameters.</summary>
public class PipelineCheckSpecs
{
    private static readonly BlobLocation Data = new("data", "faces");
    private static readonly BlobLocation Model = new("artifacts", "model");
    private static readonly BlobLocation Vectors = new("artifacts", "vectors");

    /// <summary>A folder whose one attribute, Smiling, is on every other image: 25 positives and 25 negatives in train.</summary>
    private static PipelineSettings Settings(IReadOnlyDictionary<string, double>? edits = null) =>
        new() { Dataset = TestImages.Folder(50), Output = "unused", Edits = edits };

    private static List<IJobCommand> Plan(int minCount = 20, TrainModel? training = null) =>
    [
        (training ?? TrainModel.Defaults) with { JobId = Guid.NewGuid(), Dataset = Data, Output = Model },
        new ExtractAttributeVectors { JobId = Guid.NewGuid(), Model = Model, Dataset = Data, Output = Vectors, MinCount = minCount },
        new EditImages { JobId = Guid.NewGuid(), Model = Model, Vectors = Vectors, Input = Data, Output = new("artifacts", "edited"), Edits = PipelineSettings.DefaultEdits },
    ];

    [Fact]
    public void The_default_edit_keeps_only_attributes_that_will_get_a_vector_and_says_which_it_dropped()
    {
        var log = new List<string>();
        var edits = PipelineCheck.Run(Settings(), Plan(), log.Add);

        Assert.Equal(new Dictionary<string, double> { ["Smiling"] = PipelineSettings.DefaultEdits["Smiling"] }, edits);
        Assert.Equal(["The default edit drops Eyeglasses is not an attribute of list_attr_celeba.txt; editing Smiling"], log);
    }

    [Fact]
    public void A_requested_edit_on_an_attribute_with_too_few_positives_is_refused_by_the_vectors_rule()
    {
        var error = Assert.Throws<JobFailedException>(() =>
            PipelineCheck.Run(Settings(new Dictionary<string, double> { ["Smiling"] = 2 }), Plan(minCount: 26), _ => { }));
        Assert.Equal("EditImages", error.Kind);
        Assert.Equal("EditImages refused before any job started: Edits: Smiling will get no attribute vector: 25 positives and 25 negatives " +
            "in the train split; it needs at least 26 positives and 26 negatives", error.Message);
    }

    [Fact]
    public void Every_steps_parameters_are_checked_before_the_first_starts()
    {
        var error = Assert.Throws<JobFailedException>(() =>
            PipelineCheck.Run(Settings(), Plan(training: TrainModel.Defaults with { BatchSize = 30_000 }), _ => { }));
        Assert.Equal("TrainModel refused before any job started: BatchSize must be at most 4096 (got 30000)", error.Message);
    }
}
