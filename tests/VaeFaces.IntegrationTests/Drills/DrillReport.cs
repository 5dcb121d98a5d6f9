using VaeFaces.IntegrationTests.Distributed;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>
/// A drill's result as one markdown table row (drill, requirement, result, figures), printed and written to
/// artifacts/drills/, where ./run-drills collects the rows into docs/reliability.md. Written before the drill
/// asserts, so a failed drill still reports what it measured.
/// </summary>
public static class DrillReport
{
    public static string Folder => Path.Combine(LocalServices.RepoRoot, "artifacts", "drills");

    public static void Write(ITestOutputHelper output, string drill, string requirement, bool passed, string figures)
    {
        var row = $"| {drill} | {requirement} | {(passed ? "pass" : "**FAIL**")} | {figures} |";
        output.WriteLine(row);
        Directory.CreateDirectory(Folder);
        var file = string.Concat(drill.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        File.WriteAllText(Path.Combine(Folder, $"{file}.md"), row + "\n");
    }
}
