using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

public static class JobTypes
{
    /// <summary>Each job kind's command and the class in this assembly that implements IJob for it; every kind must have one.</summary>
    public static IEnumerable<(Type Command, Type Job)> ForEveryKind()
    {
        var jobs = typeof(JobTypes).Assembly.GetTypes()
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IJob<>))
                .Select(i => (Command: i.GetGenericArguments()[0], Job: type)))
            .ToDictionary(pair => pair.Command, pair => pair.Job);
        return JobKinds.All.Values.Select(command => jobs.TryGetValue(command, out var job)
            ? (command, job)
            : throw new InvalidOperationException($"no job implements IJob<{command.Name}>; add one in src/Worker"));
    }
}
