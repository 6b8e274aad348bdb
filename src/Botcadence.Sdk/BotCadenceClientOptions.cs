using Microsoft.Extensions.Options;

namespace Botcadence.Sdk;

/// <summary>Settings of a <see cref="BotCadenceClient"/>. Bind them from configuration (section <c>BotCadence</c>) or set them in code.</summary>
public sealed class BotCadenceClientOptions
{
    /// <summary>The default service address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.botcadence.com/v1/");

    /// <summary>The API key (<c>sk_live_…</c> or <c>sk_test_…</c>), or a session token for the API-key endpoints. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The service's versioned base address (default <c>https://api.botcadence.com/v1/</c>).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>How many times a failed request is retried (0–10, default 3). Only 408, 429, 5xx and network failures are retried; a POST only with an idempotency key.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff, before jitter (default 500 ms).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest the SDK waits before a retry (default 30 s). A <c>Retry-After</c> up to this long is honoured; a longer one
    /// ends the retries at once with a <see cref="BotCadenceRateLimitException"/> (or the matching exception) carrying it.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take (default 100 s); the overall time is bounded by retries × this plus the delays.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The client-side rate limiter set by <see cref="UseRateLimiter"/>, or null (the default).</summary>
    /// <returns>The limiter, or null.</returns>
    public System.Threading.RateLimiting.RateLimiter? GetRateLimiter() => _rateLimiter;

    /// <summary>
    /// Sets a client-side rate limiter: every attempt waits for one of its permits before it is sent, and a
    /// <see cref="RateLimiting.BotCadenceRateLimiter"/> learns the key's limit from the responses. Share one instance
    /// between the clients of one key; see <c>docs/scale-out.md</c>. (A method, not a property: it is an object set in
    /// code, which configuration binding must not try to create.)
    /// </summary>
    /// <param name="limiter">The limiter, or null for none.</param>
    /// <returns>These options.</returns>
    public BotCadenceClientOptions UseRateLimiter(System.Threading.RateLimiting.RateLimiter? limiter)
    {
        _rateLimiter = limiter;
        return this;
    }

    private System.Threading.RateLimiting.RateLimiter? _rateLimiter;

    /// <summary>Your application's name, sent first in the <c>User-Agent</c> (at most 24 characters, no spaces).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The headers whose values may be logged; every other header is logged as <c>REDACTED</c>. <c>Authorization</c> is
    /// never logged, even if listed.
    /// </summary>
    public ISet<string> LoggedHeaderNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After",
        "Content-Type", "Content-Length", "Date", "Deprecation", "Sunset", "Idempotent-Replayed", "User-Agent", "Location",
    };
}

/// <summary>Checks <see cref="BotCadenceClientOptions"/>; used at DI start-up and by the <see cref="BotCadenceClient"/> constructors.</summary>
public sealed class BotCadenceClientOptionsValidator : IValidateOptions<BotCadenceClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotCadenceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("BotCadence:ApiKey is required (an sk_live_… or sk_test_… key, or a sess_… session token for the API-key endpoints).");
        }
        else if (options.ApiKey.Any(char.IsWhiteSpace))
        {
            failures.Add("BotCadence:ApiKey must not contain white space.");
        }

        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri ||
            (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("BotCadence:BaseAddress must be an absolute http or https URI.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("BotCadence:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("BotCadence:RetryDelay must be positive.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("BotCadence:MaxRetryDelay must be at least RetryDelay.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromDays(1))
        {
            failures.Add("BotCadence:Timeout must be positive and at most one day.");
        }

        if (options.ApplicationId is { } app && (app.Length > 24 || app.Any(char.IsWhiteSpace)))
        {
            failures.Add("BotCadence:ApplicationId must be at most 24 characters with no white space.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static void ThrowIfInvalid(BotCadenceClientOptions options)
    {
        var result = new BotCadenceClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(string.Join(" ", result.Failures ?? []), nameof(options));
        }
    }
}
