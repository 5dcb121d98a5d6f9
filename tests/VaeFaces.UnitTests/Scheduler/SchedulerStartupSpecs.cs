using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VaeFaces.Scheduler;

namespace VaeFaces.UnitTests.Scheduler;

/// <summary>The Scheduler's start-up check on its secrets (AddScheduler runs it before anything connects).</summary>
public class SchedulerStartupSpecs
{
    public const string GoodKey = "0f5c2a9e7b31d8464ac0e1f27b9d3c58";
    public const string GoodPassword = "Wq8-Zr4-Lm2-Tx6-Kp9-Hv3-Nb7-Jc5-Fd1";

    [Theory]
    [InlineData("Api:Key", "change-me")]
    [InlineData("Api:Key", "change-me-please-change-me-please-0123")]
    [InlineData("Api:Key", "Qx7pR2vL9sT4wZ8")]
    [InlineData("Api:Key", "")]
    [InlineData("Dashboard:Password", "CHANGE-ME")]
    [InlineData("Dashboard:Password", "my-very-long-dashboard-password-2026")]
    [InlineData("Dashboard:Password", "Qx7pR2vL9sT4wZ8")]
    public void A_weak_or_missing_secret_stops_the_scheduler_with_one_line_naming_the_setting(string setting, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Jobs"] = "Host=127.0.0.1;Database=none",
            ["Api:Key"] = GoodKey,
            ["Dashboard:Username"] = "operator",
            ["Dashboard:Password"] = GoodPassword,
            [setting] = value,
        };
        var error = Assert.Throws<SettingException>(() => Add(settings));
        Assert.StartsWith(setting, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        if (value.Length > 0) Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void A_dashboard_without_a_username_stops_the_scheduler()
    {
        var error = Assert.Throws<SettingException>(() => Add(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Jobs"] = "Host=127.0.0.1;Database=none",
            ["Api:Key"] = GoodKey,
            ["Dashboard:Password"] = GoodPassword,
        }));
        Assert.StartsWith("Dashboard:Username", error.Message);
    }

    [Fact]
    public void Strong_secrets_are_accepted()
    {
        Add(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Jobs"] = "Host=127.0.0.1;Database=none",
            ["Api:Key"] = GoodKey,
            ["Dashboard:Username"] = "operator",
            ["Dashboard:Password"] = GoodPassword,
        });
    }

    private static void Add(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddScheduler(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
