using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VaeFaces.Scheduler.Access;

namespace VaeFaces.Scheduler.Api;

/// <summary>
/// The API key in X-Api-Key as an ASP.NET Core authentication scheme, so that the authorization middleware refuses a
/// call (401) before its endpoint reads or binds the body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IOptions<SchedulerOptions> scheduler) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Headers[Header];
        if (given.Count == 0 || string.IsNullOrEmpty(given[0])) return Task.FromResult(AuthenticateResult.NoResult());
        if (given.Count != 1 || !Secrets.Match(given[0], scheduler.Value.ApiKey)) return Task.FromResult(AuthenticateResult.Fail($"wrong {Header}"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Results.Problem($"a valid {Header} header is required", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
}
