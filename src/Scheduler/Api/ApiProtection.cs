using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VaeFaces.Scheduler.Access;

namespace VaeFaces.Scheduler.Api;

/// <summary>
/// What every /api group gets: the API key or a session checked before the body is read (401; a session may only
/// read), a small body limit (413) and a rate limit per client address (429 with Retry-After). Health probes and the
/// dashboard are outside it.
/// </summary>
public static class ApiProtection
{
    private const string Policy = "api";

    public static IServiceCollection AddApiProtection(this IServiceCollection services, SchedulerOptions options)
    {
        services.AddSessionOrApiKey();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http && SessionAuthentication.MayCall(http, context.User)));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per remote address: the one API key is shared by every client, so a key partition would be one bucket.
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RateLimitPermits, Window = options.RateLimitWindow, QueueLimit = 0 }));
            // Sign-in attempts (posts; showing the form is free) per address, so that guessing a password or key is slow.
            limiter.AddPolicy(SessionAuthentication.SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SessionAuthentication.SignInPermits, Window = SessionAuthentication.SignInWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("form"));
            limiter.OnRejected = async (context, _) =>
            {
                var signIn = context.HttpContext.Request.Path.StartsWithSegments(SessionAuthentication.SignInPath);
                var (permits, window) = signIn ? (SessionAuthentication.SignInPermits, SessionAuthentication.SignInWindow) : (options.RateLimitPermits, options.RateLimitWindow);
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(window.TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem($"more than {permits} {(signIn ? "sign-in attempts" : "calls")} in {window} from this address: retry after {seconds} s",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Authentication, then the rate limit (so that calls without the key cannot use up a client's budget).</summary>
    public static WebApplication UseApiProtection(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static RouteGroupBuilder RequireApiProtection(this RouteGroupBuilder group)
    {
        var options = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        // Routing sets the body limit from this metadata before the endpoint runs; reading past it answers 413.
        return group.RequireAuthorization(Policy).RequireRateLimiting(Policy).WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBodyBytes));
    }
}
