namespace VaeFaces.Scheduler;

/// <summary>A setting is missing or unacceptable: the Scheduler stops at start with this one line, not a stack trace.</summary>
public sealed class SettingException(string message) : InvalidOperationException(message);
