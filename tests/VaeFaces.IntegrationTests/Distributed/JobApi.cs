using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// One Scheduler's job API as the specs drive it: submit, find, and poll until a job gets somewhere. Watched: processes
/// (the Scheduler itself, for a private one) whose exit fails the wait, and whose output a timeout shows.
/// </summary>
public sealed class JobApi(HttpClient api, Func<IEnumerable<DotnetProcess>> watched)
{
    public Task<HttpResponseMessage> PostAsync(string kind, object parameters, Guid? jobId = null) =>
        api.PostAsJsonAsync("/api/jobs", new { kind, parameters, jobId });

    /// <summary>The accepted job's id; anything but 202 fails the spec with the answer.</summary>
    public async Task<Guid> SubmitAsync(string kind, object parameters, Guid? jobId = null)
    {
        var response = await PostAsync(kind, parameters, jobId);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JobAccepted>(JobJson.Options))!.Id;
    }

    /// <summary>Null while the Scheduler has not heard of the job (one published straight to the bus).</summary>
    public async Task<JobView?> FindAsync(Guid id)
    {
        var response = await api.GetAsync($"/api/jobs/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JobView>(JobJson.Options);
    }

    /// <summary>Polls until the job matches, failing with the job and the processes' output on timeout.</summary>
    public async Task<JobView> WaitForAsync(Guid id, Func<JobView, bool> condition, TimeSpan timeout, params DotnetProcess[] watch)
    {
        var processes = watched().Concat(watch).ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await FindAsync(id);
            if (job is not null && condition(job)) return job;
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited) Assert.Fail($"a process exited while job {id} was awaited:\n{exited.Output}");
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"job {id} did not get there within {timeout}: {JsonSerializer.Serialize(job, JobJson.Options)}\n" +
                    string.Join("\n---\n", processes.Select(p => p.Output)));
            await Task.Delay(200);
        }
    }
}
