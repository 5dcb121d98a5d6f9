using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VaeFaces.Scheduler.Access;

namespace VaeFaces.Scheduler.Pages;

/// <summary>The one anonymous page: the dashboard credentials or the API key make a cookie session.</summary>
[AllowAnonymous]
[EnableRateLimiting(SessionAuthentication.SignInRateLimit)]
public sealed class SignInModel(IOptions<SchedulerOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ApiKey { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var settings = options.Value;
        var name = !string.IsNullOrEmpty(ApiKey)
            ? (Secrets.Match(ApiKey, settings.ApiKey) ? "api-key" : null)
            // Both compared, so the time taken does not tell whether the user name was right.
            : (Secrets.Match(Username, settings.DashboardUsername) & Secrets.Match(Password, settings.DashboardPassword)) ? Username : null;
        if (name is null)
        {
            logger.LogWarning("Sign-in refused from {Address}", HttpContext.Connection.RemoteIpAddress);
            Error = string.IsNullOrEmpty(ApiKey) ? "Wrong user name or password." : "Wrong API key.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/jobs");
    }
}
