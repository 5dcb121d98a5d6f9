using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VaeFaces.Scheduler.Api;

/// <summary>Every /api call carries the key in X-Api-Key; anything else gets 401.</summary>
public sealed class ApiKeyFilter(IOptions<SchedulerOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers[Header].ToString();
        var expected = options.Value.ApiKey;
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return ValueTask.FromResult<object?>(Results.Problem($"a valid {Header} header is required", statusCode: StatusCodes.Status401Unauthorized));
        return next(context);
    }
}
