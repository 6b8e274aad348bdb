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
        return verifier.Verify(body, ToWebhookHeaders(headers));
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
        return verifier.Verify(body, ToWebhookHeaders(headers));
    }

    /// <summary>The SDK's one header lookup, over the request's header dictionary (case-insensitive; a missing header has no values).</summary>
    private static WebhookHeaders ToWebhookHeaders(IHeaderDictionary? headers) =>
        WebhookHeaders.FromLookup(name => headers is null ? null : (IEnumerable<string?>)headers[name]);
}
