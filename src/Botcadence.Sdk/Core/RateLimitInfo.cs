using System.Globalization;
using System.Net.Http.Headers;

namespace Botcadence.Sdk;

/// <summary>The rate-limit state the service reported on a response.</summary>
/// <param name="Limit">Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</param>
/// <param name="Remaining">Requests left in the current window (<c>X-RateLimit-Remaining</c>).</param>
/// <param name="Reset">When the window resets (<c>X-RateLimit-Reset</c>, epoch seconds).</param>
public sealed record RateLimitInfo(int Limit, int Remaining, DateTimeOffset Reset)
{
    /// <summary>Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</summary>
    public int Limit { get; } = Limit;

    /// <summary>Requests left in the current window (<c>X-RateLimit-Remaining</c>).</summary>
    public int Remaining { get; } = Remaining;

    /// <summary>When the window resets (<c>X-RateLimit-Reset</c>, epoch seconds).</summary>
    public DateTimeOffset Reset { get; } = Reset;

    internal static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        if (TryGetInt(headers, "X-RateLimit-Limit", out var limit) &&
            TryGetInt(headers, "X-RateLimit-Remaining", out var remaining) &&
            TryGetLong(headers, "X-RateLimit-Reset", out var reset))
        {
            return new RateLimitInfo(limit, remaining, DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(reset, 0, 253402300799)));
        }

        return null;
    }

    private static bool TryGetInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return ResponseInfo.TryGetHeader(headers, name, out var text) &&
               int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryGetLong(HttpResponseHeaders headers, string name, out long value)
    {
        value = 0;
        return ResponseInfo.TryGetHeader(headers, name, out var text) &&
               long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
