namespace Botcadence.Sdk;

/// <summary>
/// The request headers of a webhook delivery, read by name: the one way <see cref="WebhookVerifier"/> finds its
/// signature headers, whatever holds them. Every <c>Verify</c> overload reads through it (name/value pairs such as
/// <see cref="System.Net.Http.Headers.HttpHeaders"/> or a dictionary are looked up the same way), and so does the
/// ASP.NET Core package. Build one with <see cref="FromLookup"/> for another framework's header collection.
/// </summary>
public sealed class WebhookHeaders
{
    private readonly Func<string, IEnumerable<string?>?> _getValues;

    private WebhookHeaders(Func<string, IEnumerable<string?>?> getValues) => _getValues = getValues;

    /// <summary>
    /// Headers read through a lookup by name, e.g. <c>WebhookHeaders.FromLookup(name => request.Headers[name])</c> for a
    /// web framework's header collection.
    /// </summary>
    /// <param name="getValues">
    /// Returns every value of the header with that name, matched case-insensitively (as HTTP header names are); null or
    /// no values when it is absent. Several values of <c>webhook-signature</c> are one list; several values of the other
    /// signature headers are a malformed request.
    /// </param>
    /// <returns>The headers.</returns>
    public static WebhookHeaders FromLookup(Func<string, IEnumerable<string?>?> getValues)
    {
        ArgumentNullException.ThrowIfNull(getValues);
        return new WebhookHeaders(getValues);
    }

    /// <summary>Headers as name/value pairs (one name may occur in several pairs), e.g. <see cref="System.Net.Http.Headers.HttpHeaders"/>.</summary>
    internal static WebhookHeaders FromPairs(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers) =>
        new(name => headers?.Where(h => IsNamed(h.Key, name)).SelectMany(h => h.Value ?? []));

    /// <summary>Headers as name/value pairs with one value each, e.g. a <c>Dictionary&lt;string, string&gt;</c>.</summary>
    internal static WebhookHeaders FromPairs(IEnumerable<KeyValuePair<string, string>>? headers) =>
        new(name => headers?.Where(h => IsNamed(h.Key, name)).Select(h => h.Value));

    /// <summary>Reads the four signature headers (absent ones are null).</summary>
    /// <exception cref="WebhookVerificationException">A header that must be sent once was sent more than once.</exception>
    internal SignatureHeaders ReadSignatureHeaders() => new(
        Single(WebhookVerifier.WebhookIdHeader),
        Single(WebhookVerifier.WebhookTimestampHeader),
        Joined(WebhookVerifier.WebhookSignatureHeader),
        Single(WebhookVerifier.BotCadenceSignatureHeader));

    private static bool IsNamed(string? name, string wanted) => name is not null && name.Equals(wanted, StringComparison.OrdinalIgnoreCase);

    private List<string> Values(string name)
    {
        var values = new List<string>(1);
        foreach (var value in _getValues(name) ?? [])
        {
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private string? Single(string name)
    {
        var values = Values(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new WebhookVerificationException(WebhookVerificationFailureReason.MalformedHeader, $"The header '{name}' must be sent once."),
        };
    }

    /// <summary>Several header lines are one space-separated list.</summary>
    private string? Joined(string name)
    {
        var values = Values(name);
        return values.Count == 0 ? null : string.Join(' ', values);
    }

    /// <summary>The signature headers found among the request headers.</summary>
    internal sealed record SignatureHeaders(string? Id, string? Timestamp, string? Signature, string? BotCadence)
    {
        /// <summary>True when any Standard Webhooks header was sent: then that scheme decides.</summary>
        public bool HasStandard => Id is not null || Timestamp is not null || Signature is not null;
    }
}
