using System.Text;
using Hangfire.Dashboard;
using VaeFaces.Scheduler.Access;

namespace VaeFaces.Scheduler.Api;

/// <summary>HTTP basic authentication for the Hangfire dashboard; a browser asks for the user and password.</summary>
public sealed class DashboardBasicAuth(string username, string password) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (pair.Length == 2 && Secrets.Match(pair[0], username) && Secrets.Match(pair[1], password)) return true;
            }
            catch (FormatException)
            {
                // Not base64: refused like a wrong password.
            }
        }
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"VaeFaces Hangfire\"";
        return false;
    }
}
