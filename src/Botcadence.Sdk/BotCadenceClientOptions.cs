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

    /// <summary>
    /// How many times a failed request is retried (0–10, default 3). Only 408, 429, 5xx, network failures (a body cut off
    /// mid-way included) and attempt timeouts are retried; every mutating call carries an idempotency key, so retrying it is safe.
    /// <see cref="RequestOptions.MaxRetries"/> overrides it per call.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff, before jitter (default 500 ms).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest the SDK waits before a retry (default 30 s). A <c>Retry-After</c> up to this long is honoured; a longer one
    /// ends the retries at once with a <see cref="BotCadenceRateLimitException"/> (or the matching exception) carrying it.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take in total, across every attempt and the waits between them (default 100 s), as
    /// Microsoft.Extensions.Http.Resilience's total request timeout. <see cref="RequestOptions.Timeout"/> overrides it per call.
    /// Running out throws <see cref="BotCadenceTimeoutException"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// How long one attempt may take (default 30 s); an attempt that runs out is retried like a network failure. A streamed
    /// upload is sent once and is bounded only by <see cref="Timeout"/>; a streamed download only until its headers arrive.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    // A field behind a method, not a property: the 8.0 configuration binding generator (the net8.0 floor) binds
    // internal properties too, and cannot bind this one.
    private readonly List<(Func<DelegatingHandler> Factory, HttpPipelinePosition Position)> _handlers = [];

    /// <summary>Your handlers and where each sits; see <see cref="AddHandler"/>.</summary>
    internal IReadOnlyList<(Func<DelegatingHandler> Factory, HttpPipelinePosition Position)> GetHandlers() => _handlers;

    /// <summary>
    /// Adds your own <see cref="DelegatingHandler"/> to the request pipeline, at <paramref name="position"/>:
    /// <see cref="HttpPipelinePosition.PerCall"/> (outside the retry: sees each logical call once) or
    /// <see cref="HttpPipelinePosition.PerAttempt"/> (inside the retry, after authentication: sees every attempt).
    /// Handlers at one position run in the order added, the first outermost. Works with <c>new BotCadenceClient(…)</c>
    /// and with <c>services.AddBotCadence(…)</c>.
    /// </summary>
    /// <param name="factory">Creates a new handler instance each time a pipeline is built (dependency injection rebuilds
    /// them when <see cref="System.Net.Http.IHttpClientFactory"/> rotates handlers); never return a shared instance.</param>
    /// <param name="position">Where the handler sits.</param>
    /// <returns>These options, for chaining.</returns>
    public BotCadenceClientOptions AddHandler(Func<DelegatingHandler> factory, HttpPipelinePosition position = HttpPipelinePosition.PerAttempt)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown pipeline position.");
        }

        _handlers.Add((factory, position));
        return this;
    }

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

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > TimeSpan.FromDays(1))
        {
            failures.Add("BotCadence:AttemptTimeout must be positive and at most one day.");
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
