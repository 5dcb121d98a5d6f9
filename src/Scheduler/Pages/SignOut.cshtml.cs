using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VaeFaces.Scheduler.Access;

namespace VaeFaces.Scheduler.Pages;

/// <summary>Ends the session (a POST with antiforgery, so no other site can sign a user out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/jobs");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(SessionAuthentication.SignInPath);
    }
}
