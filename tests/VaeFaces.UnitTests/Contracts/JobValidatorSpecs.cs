using VaeFaces.Contracts;
using VaeFaces.Contracts.Validation;

namespace VaeFaces.UnitTests.Contracts;

public class JobValidatorSpecs
{
    private static readonly Guid Job = Guid.NewGuid();
    private static readonly BlobLocation Data = new("data", "faces");
    private static readonly BlobLocation Out = new("artifacts", "out");
    /// <summary>What an earlier job made (a model, statistics, vectors): apart from Out, which must not overlap an input.</summary>
    private static readonly BlobLocation Made = new("artifacts", "made");

    public static TheoryData<IJobCommand> ValidCommands() =>
    [
        TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out },
        new ComputeLatentStatistics { JobId = Job, Model = Made, Dataset = Data, Output = Out },
        new GenerateSamples { JobId = Job, Model = Made, Statistics = Made, Output = Out },
        new ExtractAttributeVectors { JobId = Job, Model = Made, Dataset = Data, Output = Out },
        new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out },
        new EditImages { JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = Out, Edits = new Dictionary<string, double> { ["Smiling"] = 2 } },
        TrainAttributeClassifier.Defaults with { JobId = Job, Dataset = Data, Output = Out },
        EvaluateEdits.Defaults with { JobId = Job, Model = Made, Judge = new("artifacts", "judge"), Dataset = Data, Output = Out },
    ];

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Every_kind_is_valid_on_its_defaults(IJobCommand command) => Assert.Empty(JobValidator.Validate(command));

    [Fact]
    public void Every_job_kind_has_a_valid_example() =>
        Assert.Equal(JobKinds.All.Keys.Order(), ValidCommands().Cast<object[]>().Select(row => row[0].GetType().Name).Order());

    [Fact]
    public void Each_bad_edit_evaluation_field_is_named_with_what_is_wrong()
    {
        var errors = JobValidator.Validate(EvaluateEdits.Defaults with
        {
            JobId = Job, Model = Made, Judge = new(""), Dataset = Data, Output = Out, Methods = ["linear", "svm"], Magnitudes = [1, -1],
            MinSuccess = 0, Images = 0, FitSplit = "test", Conditions = new DirectionConditions
            {
                Named = new Dictionary<string, IReadOnlyList<string>> { ["Mustache"] = ["Male", "mustache"] }, MinCosine = 2,
            },
        });

        Assert.Equal(["Conditions.MinCosine", "Conditions.Named", "EvaluationSplit", "Images", "Judge", "Magnitudes", "Methods", "MinSuccess"],
            errors.Keys.Order());
        Assert.Equal(["'svm' is not one of mean-difference, linear, conditional"], errors["Methods"]);
        Assert.Equal(["must be positive: each image is edited towards the other side of its own state"], errors["Magnitudes"]);
        Assert.Equal(["'Mustache' must not be conditioned on itself, nor on nothing (null)"], errors["Conditions.Named"]);
    }

    [Fact]
    public void A_calibrated_edit_names_each_bad_calibration_field_and_needs_a_bound_for_every_attribute()
    {
        var errors = JobValidator.Validate(new EditImages
        {
            JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = Out, Edits = new Dictionary<string, double> { ["Smiling"] = 0 },
            Calibration = new EditCalibration { Judge = new(""), Probability = 1, Tolerance = 0, Misses = "ignore" },
        });

        Assert.Equal(["Calibration.Judge", "Calibration.Misses", "Calibration.Probability", "Calibration.Tolerance", "Edits"], errors.Keys.Order());
        Assert.Equal(["'ignore' is not one of keep, drop"], errors["Calibration.Misses"]);
        Assert.Equal(["a calibrated edit needs a non-zero bound for every attribute: its sign says add or remove"], errors["Edits"]);
    }

    [Fact]
    public void A_calibrated_edit_must_not_write_into_its_judge()
    {
        var judge = new BlobLocation("artifacts", "judge");
        var errors = JobValidator.Validate(new EditImages
        {
            JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = judge.Child("edited"),
            Edits = new Dictionary<string, double> { ["Smiling"] = 3 }, Calibration = new EditCalibration { Judge = judge },
        });

        Assert.Contains($"overlaps Calibration.Judge ({judge}): a job must not write where it reads; choose another output", errors["Output"]);
    }

    [Theory]
    [InlineData("mean-difference", true)]
    [InlineData("Linear", true)]
    [InlineData("conditional", true)]
    [InlineData("pca", false)]
    public void Attribute_vectors_take_one_of_the_three_methods(string method, bool valid)
    {
        var errors = JobValidator.Validate(new ExtractAttributeVectors { JobId = Job, Model = Made, Dataset = Data, Output = Out, Method = method });

        Assert.Equal(valid, !errors.ContainsKey(nameof(ExtractAttributeVectors.Method)));
    }

    [Fact]
    public void Each_bad_training_field_is_named_with_what_is_wrong()
    {
        var errors = JobValidator.Validate(TrainModel.Defaults with
        {
            JobId = Guid.Empty, Dataset = new(" "), Output = Out, ImageSize = 100, Epochs = 0, Optimizer = "sgd",
            LearningRate = double.NaN, LrDecay = 1.5, KlWeight = -1, GradientClipNorm = -0.1,
        });
        Assert.Equal(["is required (container/prefix)"], errors["Dataset"]);
        Assert.Equal(["must be one of 64, 112, 128 (got 100)"], errors["ImageSize"]);
        Assert.Equal(["must be at least 1 (got 0)"], errors["Epochs"]);
        Assert.Equal(["'sgd' is not one of adam, rmsprop"], errors["Optimizer"]);
        Assert.Equal(["must be in (0, 1] (got NaN)"], errors["LearningRate"]);
        Assert.Equal(["must be in (0, 1] (got 1.5)"], errors["LrDecay"]);
        Assert.Equal(["must not be negative (got -1)"], errors["KlWeight"]);
        Assert.Equal(["must not be negative (got -0.1)"], errors["GradientClipNorm"]);
        Assert.Equal(["must not be empty"], errors["JobId"]);
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void An_unknown_likelihood_is_refused_by_name()
    {
        var errors = JobValidator.Validate(TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, Likelihood = "gauss" });
        Assert.Equal(["'gauss' is not one of mse, sigma-vae"], Assert.Single(errors, e => e.Key == "Likelihood").Value);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("train", "test", true)]
    [InlineData("val", "test", true)]
    [InlineData("train", "train", false)]
    [InlineData("validation", "1", false)]
    [InlineData("0", "TRAIN", false)]
    public void Vectors_are_never_evaluated_on_the_split_they_were_fitted_on(string fit, string evaluation, bool valid)
    {
        var errors = JobValidator.Validate(new ExtractAttributeVectors
        {
            JobId = Job, Model = Out, Dataset = Data, Output = Out, FitSplit = fit, EvaluationSplit = evaluation,
        });
        Assert.Equal(valid, !errors.ContainsKey(nameof(ExtractAttributeVectors.EvaluationSplit)));
    }

    [Fact]
    public void Each_bad_judge_field_is_named_with_what_is_wrong()
    {
        var errors = JobValidator.Validate(TrainAttributeClassifier.Defaults with
        {
            JobId = Job, Dataset = new(" "), Output = Out, ImageSize = 96, Epochs = 0, BatchSize = 0, LearningRate = 2,
            FitSplit = "holdout", EvaluationSplit = "test", MinCount = 0,
        });
        Assert.Equal(["is required (container/prefix)"], errors["Dataset"]);
        Assert.Equal(["must be one of 64, 112, 128 (got 96)"], errors["ImageSize"]);
        Assert.Equal(["must be at least 1 (got 0)"], errors["Epochs"]);
        Assert.Equal(["must be at least 1 (got 0)"], errors["BatchSize"]);
        Assert.Equal(["must be in (0, 1] (got 2)"], errors["LearningRate"]);
        Assert.Equal(["'holdout' is not a split; use train, validation, test"], errors["FitSplit"]);
        Assert.Equal(["must be at least 1 (got 0)"], errors["MinCount"]);
        Assert.Equal(7, errors.Count);
    }

    [Theory]
    [InlineData("train", "test", true)]
    [InlineData("train", "validation", true)]
    [InlineData("test", "2", false)]
    public void The_judge_is_never_evaluated_on_the_split_it_was_trained_on(string fit, string evaluation, bool valid)
    {
        var errors = JobValidator.Validate(TrainAttributeClassifier.Defaults with
        {
            JobId = Job, Dataset = Data, Output = Out, FitSplit = fit, EvaluationSplit = evaluation,
        });
        Assert.Equal(valid, !errors.ContainsKey(nameof(TrainAttributeClassifier.EvaluationSplit)));
    }

    [Fact]
    public void A_split_that_is_not_one_is_named()
    {
        var errors = JobValidator.Validate(new ComputeLatentStatistics { JobId = Job, Model = Out, Dataset = Data, Output = Out, Split = "holdout" });
        Assert.Equal(["'holdout' is not a split; use train, validation, test"], errors["Split"]);
    }

    [Fact]
    public void Edits_need_finite_magnitudes_and_bounded_settings()
    {
        var errors = JobValidator.Validate(new EditImages
        {
            JobId = Job, Model = Out, Vectors = Out, Input = Data, Output = Out,
            Edits = new Dictionary<string, double> { ["Smiling"] = double.PositiveInfinity }, JpegQuality = 0, BatchSize = 0,
        });
        Assert.Equal(["magnitudes must be finite numbers"], errors["Edits"]);
        Assert.Equal(["must be between 1 and 100 (got 0)"], errors["JpegQuality"]);
        Assert.Equal(["must be at least 1 (got 0)"], errors["BatchSize"]);
    }

    [Fact]
    public void Explore_and_sample_counts_are_bounded()
    {
        var explore = JobValidator.Validate(new ExploreAttributes
        {
            JobId = Job, Model = Out, Vectors = Out, Dataset = Data, Output = Out, Images = 65, Magnitudes = [],
        });
        Assert.Equal(["must be between 1 and 64 (got 65)"], explore["Images"]);
        Assert.Equal(["must not be empty"], explore["Magnitudes"]);
        Assert.Equal(["must be between 1 and 1024 (got 0)"],
            JobValidator.Validate(new GenerateSamples { JobId = Job, Model = Out, Statistics = Out, Output = Out, Count = 0 })["Count"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(25)]
    public void An_interpolation_path_is_off_or_has_both_ends(int steps) =>
        Assert.Empty(JobValidator.Validate(new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, InterpolationSteps = steps }));

    [Fact]
    public void One_interpolation_step_and_no_pairs_are_refused()
    {
        var errors = JobValidator.Validate(new ExploreAttributes
        {
            JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, InterpolationSteps = 1, InterpolationPairs = 0,
        });
        Assert.Equal(["must be 0 (no interpolation strip) or between 2 and 25 (got 1)"], errors["InterpolationSteps"]);
        Assert.Equal(["must be between 1 and 64 (got 0)"], errors["InterpolationPairs"]);
    }

    public static TheoryData<IJobCommand, string, string> ResourceBombs() => new()
    {
        // 30000 images of 128 px: five 5.9 GB loader buffers; 43,691 overflows an int.
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, ImageSize = 128, BatchSize = 30_000 }, "BatchSize", "must be at most 4096 (got 30000)" },
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, BatchSize = 43_691 }, "BatchSize", "must be at most 4096 (got 43691)" },
        // A GPU held for ever.
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, Epochs = 2_000_000_000 }, "Epochs", "must be at most 10000 (got 2000000000)" },
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, LatentDim = 1_000_000 }, "LatentDim", "must be at most 2048 (got 1000000)" },
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, LrStepEpochs = int.MaxValue }, "LrStepEpochs", $"must be at most 10000 (got {int.MaxValue})" },
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, KlWarmupEpochs = 1e12 }, "KlWarmupEpochs", $"must be at most 10000 (got {1e12})" },
        { TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, EarlyStoppingPatience = 1_000_000 }, "EarlyStoppingPatience", "must be at most 10000 (got 1000000)" },
        { new ComputeLatentStatistics { JobId = Job, Model = Made, Dataset = Data, Output = Out, BatchSize = 100_000 }, "BatchSize", "must be at most 4096 (got 100000)" },
        { new ExtractAttributeVectors { JobId = Job, Model = Made, Dataset = Data, Output = Out, BatchSize = 100_000 }, "BatchSize", "must be at most 4096 (got 100000)" },
        {
            new EditImages { JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = Out, Edits = new Dictionary<string, double> { ["Smiling"] = 2 }, BatchSize = 100_000 },
            "BatchSize", "must be at most 4096 (got 100000)"
        },
        {
            new EditImages { JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = Out, Edits = new Dictionary<string, double> { ["Smiling"] = 1e9 } },
            "Edits", $"magnitudes must be between -100 and 100 (got {1e9})"
        },
        {
            new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, Magnitudes = [-1e6, 0, 1e6] },
            "Magnitudes", $"magnitudes must be between -100 and 100 (got {-1e6})"
        },
        {
            new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, Magnitudes = [.. Enumerable.Range(0, 1000).Select(i => i / 100.0)] },
            "Magnitudes", "must hold at most 25 values (got 1000)"
        },
        {
            new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, CombinedEdit = new Dictionary<string, double> { ["Male"] = double.NaN } },
            "CombinedEdit", "magnitudes must be finite numbers"
        },
        {
            new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, InterpolationSteps = 1000 },
            "InterpolationSteps", "must be 0 (no interpolation strip) or between 2 and 25 (got 1000)"
        },
        {
            new ExploreAttributes { JobId = Job, Model = Made, Vectors = Made, Dataset = Data, Output = Out, InterpolationPairs = 1000 },
            "InterpolationPairs", "must be between 1 and 64 (got 1000)"
        },
        { new GenerateSamples { JobId = Job, Model = Made, Statistics = Made, Output = Out, Count = 1_000_000 }, "Count", "must be between 1 and 1024 (got 1000000)" },
        { TrainAttributeClassifier.Defaults with { JobId = Job, Dataset = Data, Output = Out, BatchSize = 43_691 }, "BatchSize", "must be at most 4096 (got 43691)" },
        { TrainAttributeClassifier.Defaults with { JobId = Job, Dataset = Data, Output = Out, Epochs = 2_000_000_000 }, "Epochs", "must be at most 10000 (got 2000000000)" },
    };

    [Theory]
    [MemberData(nameof(ResourceBombs))]
    public void Every_parameter_that_sizes_memory_or_time_has_an_upper_bound(IJobCommand command, string field, string problem)
    {
        var errors = JobValidator.Validate(command);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([problem], errors[field]);
    }

    [Fact]
    public void Describe_puts_every_problem_on_one_line()
    {
        var line = JobValidator.Describe(JobValidator.Validate(TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = Out, Epochs = 0, BatchSize = 0 }));
        Assert.Equal("Epochs must be at least 1 (got 0); BatchSize must be at least 1 (got 0)", line);
    }

    [Theory]
    [InlineData("Out")]
    [InlineData("ab")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("my_data")]
    [InlineData("-data")]
    [InlineData("data-")]
    [InlineData("da--ta")]
    [InlineData("data/sets")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g123")]
    public void A_container_that_is_not_a_valid_container_name_is_named(string container)
    {
        var errors = JobValidator.Validate(TrainModel.Defaults with { JobId = Job, Dataset = new(container, "faces"), Output = Out });
        Assert.Equal([$"container '{container}' is not a valid container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit"],
            errors["Dataset"]);
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("jobs/../../etc")]
    [InlineData("./jobs")]
    [InlineData("jobs/.")]
    [InlineData("/etc/passwd")]
    [InlineData("jobs\\x")]
    [InlineData("jobs//x")]
    [InlineData("jobs/")]
    [InlineData("jobs/x\u0000")]
    public void A_path_with_dot_segments_backslashes_or_a_leading_slash_is_named(string prefix)
    {
        var errors = JobValidator.Validate(TrainModel.Defaults with { JobId = Job, Dataset = Data, Output = new("artifacts", prefix) });
        Assert.Single(errors);
        Assert.StartsWith("path '", Assert.Single(errors["Output"]));
        Assert.EndsWith("' must be names separated by single '/': no leading '/', no '.' or '..' segments, no '\\' or control characters",
            errors["Output"][0]);
    }

    [Theory]
    [InlineData("a-b", "")]
    [InlineData("abc", "x.y/..z/z..")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g12", "jobs/2024-01-01/run 1")]
    public void Valid_container_names_and_paths_pass(string container, string prefix) =>
        Assert.Empty(JobValidator.Validate(TrainModel.Defaults with { JobId = Job, Dataset = new(container, prefix), Output = Out }));

    /// <summary>Every kind with its output placed by where: its first input itself, inside it, or holding it.</summary>
    public static TheoryData<IJobCommand, string> OverlappingOutputs()
    {
        var data = new TheoryData<IJobCommand, string>();
        foreach (var row in ValidCommands().Cast<object[]>())
        {
            var command = (IJobCommand)row[0];
            var (field, input) = command switch
            {
                TrainModel c => ("Dataset", c.Dataset),
                ComputeLatentStatistics c => ("Model", c.Model),
                GenerateSamples c => ("Statistics", c.Statistics),
                ExtractAttributeVectors c => ("Dataset", c.Dataset),
                ExploreAttributes c => ("Vectors", c.Vectors),
                EditImages c => ("Input", c.Input),
                TrainAttributeClassifier c => ("Dataset", c.Dataset),
                EvaluateEdits c => ("Judge", c.Judge),
                _ => throw new ArgumentOutOfRangeException(nameof(command)),
            };
            foreach (var output in new[] { input, input.Child("edited"), input with { Prefix = "" } })
                data.Add(WithOutput(command, output), field);
        }
        return data;
    }

    private static IJobCommand WithOutput(IJobCommand command, BlobLocation output) => command switch
    {
        TrainModel c => c with { Output = output },
        ComputeLatentStatistics c => c with { Output = output },
        GenerateSamples c => c with { Output = output },
        ExtractAttributeVectors c => c with { Output = output },
        ExploreAttributes c => c with { Output = output },
        EditImages c => c with { Output = output },
        TrainAttributeClassifier c => c with { Output = output },
        EvaluateEdits c => c with { Output = output },
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    [Theory]
    [MemberData(nameof(OverlappingOutputs))]
    public void An_output_that_overlaps_an_input_is_refused_naming_both(IJobCommand command, string field)
    {
        var errors = JobValidator.Validate(command);
        var input = command.GetType().GetProperty(field)!.GetValue(command);
        Assert.Contains($"overlaps {field} ({input}): a job must not write where it reads; choose another output", errors["Output"]);
    }

    [Theory]
    [InlineData("data", "faces2")]
    [InlineData("data", "face")]
    [InlineData("other", "faces")]
    public void An_output_beside_its_input_is_fine(string container, string prefix) =>
        Assert.Empty(JobValidator.Validate(new EditImages
        {
            JobId = Job, Model = Made, Vectors = Made, Input = Data, Output = new(container, prefix), Edits = new Dictionary<string, double> { ["Smiling"] = 2 },
        }));

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Every_location_a_command_reads_is_among_its_input_locations(IJobCommand command)
    {
        var read = command.GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(BlobLocation) && p.Name != nameof(IJobCommand.Output))
            .Select(p => (p.Name, (BlobLocation?)p.GetValue(command)));
        Assert.Equal(read.Order(), command.InputLocations().Order());
    }

    [Theory]
    [InlineData("data/faces", "data/faces", true)]
    [InlineData("data/faces", "data/faces/edited", true)]
    [InlineData("data", "data/faces", true)]
    [InlineData("data/faces", "data/faces2", false)]
    [InlineData("data/faces/a", "data/faces/b", false)]
    [InlineData("data/faces", "other/faces", false)]
    public void Overlap_goes_by_whole_segments_both_ways(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, BlobLocation.Parse(a).Overlaps(BlobLocation.Parse(b)));
        Assert.Equal(overlaps, BlobLocation.Parse(b).Overlaps(BlobLocation.Parse(a)));
    }
}
