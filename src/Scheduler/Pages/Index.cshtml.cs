using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VaeFaces.Scheduler.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/jobs");
}
