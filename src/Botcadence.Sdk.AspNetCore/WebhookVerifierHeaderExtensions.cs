using Microsoft.AspNetCore.Http;

namespace Botcadence.Sdk;

/// <summary>Lets <see cref="WebhookVerifier"/> read ASP.NET Core request headers.</summary>
public static class WebhookVerifierHeaderExtensions
{
    /// <summary>Verifies a delivery from ASP.NET Core request headers: <c>verifier.Verify(rawBody, Request.Headers)</c>.</summary>
    /// <param name="verifier">The verifier.</param>
    /// <param name="body">The RAW request body.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted.</exception>
    public static WebhookEvent Verify(this WebhookVerifier verifier, ReadOnlySpan<byte> body, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return verifier.Verify(body, AsPairs(headers));
    }

    /// <summary>Verifies a delivery from ASP.NET Core request headers.</summary>
    /// <param name="verifier">The verifier.</param>
    /// <param name="body">The RAW request body as a string.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted.</exception>
    public static WebhookEvent Verify(this WebhookVerifier verifier, string body, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return verifier.Verify(body, AsPairs(headers));
    }

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> AsPairs(IHeaderDictionary? headers) =>
        headers is null
            ? []
            : headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Where(v => v is not null).Select(v => v!)));
}
