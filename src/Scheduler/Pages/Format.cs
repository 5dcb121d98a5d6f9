using System.Globalization;

namespace VaeFaces.Scheduler.Pages;

/// <summary>How the pages write times and durations; jobs.js writes the ETA the same way.</summary>
public static class Format
{
    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";

    public static string Percent(double fraction) => $"{Math.Round(fraction * 100).ToString(CultureInfo.InvariantCulture)}%";

    public static string Eta(double? seconds) => seconds is { } s && double.IsFinite(s)
        ? TimeSpan.FromSeconds(Math.Round(s)).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)
        : "";
}
