namespace VaeFaces.Worker.Jobs;

public enum JobStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
