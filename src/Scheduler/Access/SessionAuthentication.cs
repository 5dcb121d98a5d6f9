using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using VaeFaces.Scheduler.Api;
using VaeFaces.Scheduler.Dashboard;

namespace VaeFaces.Scheduler.Access;

/// <summary>
/// Who may call: a request with X-Api-Key is judged by the key alone; any other by its cookie session, made at
/// /signin with the dashboard credentials or the API key. Nothing is anonymous but sign-in, health and static files.
/// </summary>
public static class SessionAuthentication
{
    public const string SessionOrApiKey = "SessionOrApiKey";
    public const string SignInPath = "/signin";
    public const string CookieName = "vaefaces.session";

    /// <summary>The rate limit of sign-in attempts, per client address.</summary>
    public const string SignInRateLimit = "signin";
    public const int SignInPermits = 30;
    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);

    public static AuthenticationBuilder AddSessionOrApiKey(this IServiceCollection services) => services
        .AddAuthentication(SessionOrApiKey)
        .AddPolicyScheme(SessionOrApiKey, null, policy => policy.ForwardDefaultSelector = http =>
            http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
        .AddCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            // Strict: no other site's page can make the browser send it, on top of antiforgery on every form.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Calls made by scripts and API clients get 401, not a redirect to a page they cannot show.
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (IsMachineCall(context.Request))
                    return Results.Problem($"sign in at {SignInPath} or send a valid {ApiKeyAuthenticationHandler.Header} header",
                        statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        })
        .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

    /// <summary>The JSON API and the pages' own image and data endpoints.</summary>
    public static bool IsMachineCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(UiEndpoints.Prefix);

    /// <summary>A session may read the API; changing state through it needs the key (the pages' forms carry antiforgery instead).</summary>
    public static bool MayCall(HttpContext http, System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
}
