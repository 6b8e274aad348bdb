namespace Botcadence.Sdk;

/// <summary>
/// Settings for one call, passed as the <c>requestOptions</c> argument of any operation. Every member is optional: an
/// unset one falls back to the client's <see cref="BotCadenceClientOptions"/>. On a list operation they apply to each
/// page request.
/// </summary>
public sealed class RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> of this call, sent with every attempt of a mutating call (POST, PATCH, PUT, DELETE) and
    /// ignored on reads. When null the SDK generates one per call. Set it to repeat a call safely after your process
    /// restarted or after the SDK's retries ran out: the service replays the first response for a repeated key (24 h).
    /// At most 255 printable ASCII characters.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// Extra request headers for this call. The SDK's own headers cannot be set this way: <c>Authorization</c>,
    /// <c>Idempotency-Key</c>, <c>User-Agent</c>, <c>Host</c> and the content headers (<c>Content-Type</c>,
    /// <c>Content-Length</c>, <c>Transfer-Encoding</c>) are rejected with an <see cref="ArgumentException"/> when the call
    /// starts. Use <see cref="ApiKey"/> and <see cref="IdempotencyKey"/> instead.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// This call's total time, across every attempt and the waits between them (default
    /// <see cref="BotCadenceClientOptions.Timeout"/>). When it runs out the call throws <see cref="BotCadenceTimeoutException"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How many times this call is retried (0–10; default <see cref="BotCadenceClientOptions.MaxRetries"/>).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// The API key or session token for this call only, instead of <see cref="BotCadenceClientOptions.ApiKey"/>: for
    /// platforms acting for many organizations, and for the session token the <c>ApiKeys</c> endpoints need.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The headers that <see cref="Headers"/> may not set.</summary>
    internal static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", IdempotencyKeyHeader.Name, "User-Agent", "Host", "Content-Type", "Content-Length", "Transfer-Encoding",
    };

    internal void Validate()
    {
        if (IdempotencyKey is { } key && (key.Length is 0 or > 255 || key.Any(c => c is < (char)0x21 or > (char)0x7E)))
        {
            throw new ArgumentException("RequestOptions.IdempotencyKey must be 1–255 printable ASCII characters without spaces.", nameof(IdempotencyKey));
        }

        if (Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromDays(1)))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "RequestOptions.Timeout must be positive and at most one day.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "RequestOptions.MaxRetries must be between 0 and 10.");
        }

        if (ApiKey is { } apiKey && (apiKey.Length == 0 || apiKey.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("RequestOptions.ApiKey must be non-empty with no white space.", nameof(ApiKey));
        }

        foreach (var (name, value) in Headers)
        {
            if (ReservedHeaders.Contains(name))
            {
                throw new ArgumentException($"RequestOptions.Headers may not set '{name}': the SDK owns it (use RequestOptions.ApiKey or RequestOptions.IdempotencyKey).", nameof(Headers));
            }

            if (string.IsNullOrWhiteSpace(name) || value is null || value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"RequestOptions.Headers has an invalid header '{name}'.", nameof(Headers));
            }
        }
    }
}
