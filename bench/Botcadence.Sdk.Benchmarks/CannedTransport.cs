using System.Net;
using System.Net.Http.Headers;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>Answers from memory; with <c>yieldFirst</c> it completes asynchronously, as a socket does.</summary>
internal sealed class CannedTransport(byte[] body, bool yieldFirst = false) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (yieldFirst)
        {
            await Task.Yield();
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        response.Headers.TryAddWithoutValidation("X-Request-Id", "req_0123456789abcdef01234567");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "6000");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "5999");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "1795420380");
        return response;
    }
}
