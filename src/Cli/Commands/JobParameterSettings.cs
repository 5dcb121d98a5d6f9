using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using VaeFaces.Cli.Api;

namespace VaeFaces.Cli.Commands;

/// <summary>A job's parameters, as submit and schedule set take them: a JSON file, then --param key=value on top.</summary>
public class JobParameterSettings : SchedulerSettings
{
    [CommandOption("--param <KEY=VALUE>"), Description("A job parameter; repeatable. VALUE is JSON when it parses (5, 5e-4, true, a JSON array or object), "
        + "else a string. A dotted KEY nests: edits.Smiling=2.")]
    public string[]? Params { get; init; }

    [CommandOption("--params-file <FILE>"), Description("A JSON object of parameters; --param values override it.")]
    public string? ParamsFile { get; init; }

    /// <exception cref="FormatException">A bad --param or parameters file.</exception>
    /// <exception cref="IOException">The parameters file cannot be read.</exception>
    public JsonObject BuildParameters() =>
        JobParameters.Build(ParamsFile is null ? null : File.ReadAllText(ParamsFile), Params ?? [], $"--params-file {ParamsFile}");

    public override ValidationResult Validate() => Validation.Parses(() => BuildParameters());
}
