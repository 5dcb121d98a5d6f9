using System.Text.Json;

namespace VaeFaces.Contracts.Api;

/// <summary>POST /api/jobs: a job kind and its command's fields (JobId aside; Output defaults to artifacts/jobs/{id}).</summary>
public sealed record SubmitJobRequest(string Kind, JsonElement Parameters, Guid? JobId = null);
