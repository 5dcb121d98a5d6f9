namespace VaeFaces.Cli.Display;

/// <summary>
/// Error lines go to stderr, so a script that captures stdout (a job id) still shows them. Written unwrapped (the
/// terminal wraps, a log keeps one line per message), in color only on a terminal and without NO_COLOR.
/// </summary>
public static class Errors
{
    private static readonly bool Color = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static void Write(string message) => WriteLine(message, "\e[31m");

    /// <summary>A hint for people that stdout, kept for the id, should not carry.</summary>
    public static void Note(string message) => WriteLine(message, "\e[90m");

    private static void WriteLine(string text, string color) => Console.Error.WriteLine(Color ? $"{color}{text}\e[0m" : text);
}
