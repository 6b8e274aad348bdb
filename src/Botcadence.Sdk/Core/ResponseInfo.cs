using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;

namespace Botcadence.Sdk;

/// <summary>What the service said about a response besides its body: status, request id, rate limits, deprecation.</summary>
public sealed class ResponseInfo
{
    internal ResponseInfo(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, string? deprecation, string? sunset)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        RateLimit = rateLimit;
        Deprecation = deprecation;
        Sunset = sunset;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>X-Request-Id</c> the service assigned; quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit state after this request, when the service sent it.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The <c>Deprecation</c> header, when the endpoint is deprecated.</summary>
    public string? Deprecation { get; }

    /// <summary>The <c>Sunset</c> header: when the endpoint goes away, when announced.</summary>
    public string? Sunset { get; }

    internal static ResponseInfo FromResponse(HttpResponseMessage response)
    {
        var headers = response.Headers;
        TryGetHeader(headers, "X-Request-Id", out var requestId);
        TryGetHeader(headers, "Deprecation", out var deprecation);
        TryGetHeader(headers, "Sunset", out var sunset);
        return new ResponseInfo(response.StatusCode, requestId, RateLimitInfo.FromHeaders(headers), deprecation, sunset);
    }

    internal static bool TryGetHeader(HttpHeaders headers, string name, [NotNullWhen(true)] out string? value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var v in values)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }
}
