namespace VaeFaces.IntegrationTests.Distributed;

public static class LargeBodies
{
    /// <summary>
    /// POST with "Expect: 100-continue", as curl sends a large body: a server that refuses the request (401, 413) answers
    /// before the body is sent. Without it, the server's answer races the client's write, which may end in a reset.
    /// </summary>
    public static async Task<HttpResponseMessage> PostExpectingContinueAsync(this HttpClient client, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }
}
