using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VaeFaces.Cli.Pipeline;

public static class JobIds
{
    /// <summary>
    /// The same step with the same parameters gets the same JobId, so rerunning a killed pipeline resumes its jobs
    /// from their checkpoints, while changed parameters make a new job.
    /// </summary>
    public static Guid For(string step, object parameters)
    {
        var text = step + "|" + JsonSerializer.Serialize(parameters, parameters.GetType());
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
