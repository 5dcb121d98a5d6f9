using System.Net;
using System.Text;

namespace VaeFaces.UnitTests.Cli;

/// <summary>Answers every request with the given status and body (or throws), recording what was sent.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Sent { get; } = [];

    public static FakeHandler Answering(HttpStatusCode status, string body = "", string mediaType = "application/json") =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    public static FakeHandler Throwing(Exception error) => new(_ => throw error);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Add((request, body));
        var response = answer(request);
        response.RequestMessage = request;
        return response;
    }
}
