namespace Botcadence.Sdk;

/// <summary>Gives every POST an <c>Idempotency-Key</c> (unless the caller set one), once per logical request.</summary>
internal sealed class IdempotencyKeyHandler : DelegatingHandler
{
    internal const string HeaderName = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && !request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Guid.NewGuid().ToString("D"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
