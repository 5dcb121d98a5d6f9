using Spectre.Console;

namespace VaeFaces.Cli.Commands;

/// <summary>Settings checks that run the parsing the command will run, so a bad option fails before any work, in the parser's words.</summary>
public static class Validation
{
    public static ValidationResult Parses(Action parse)
    {
        try
        {
            parse();
            return ValidationResult.Success();
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            return ValidationResult.Error(error.Message);
        }
    }
}
