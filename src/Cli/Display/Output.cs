using Spectre.Console;
using Spectre.Console.Rendering;

namespace VaeFaces.Cli.Display;

/// <summary>
/// Tables, grids and lines on stdout. Redirected to a file or pipe, Spectre assumes 80 columns and wraps job ids over three
/// lines; a log reads better with long lines, so redirected output is laid out 200 wide.
/// </summary>
public static class Output
{
    private static readonly IAnsiConsole Redirected = CreateRedirected();

    private static IAnsiConsole Current => Console.IsOutputRedirected ? Redirected : AnsiConsole.Console;

    public static void Write(IRenderable renderable) => Current.Write(renderable);

    public static void MarkupLine(string markup) => Current.MarkupLine(markup);

    private static IAnsiConsole CreateRedirected()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.Profile.Width = 200;
        return console;
    }
}
