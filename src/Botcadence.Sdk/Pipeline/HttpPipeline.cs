using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Botcadence.Sdk;

/// <summary>Where a handler added with <see cref="BotCadenceClientOptions.AddHandler"/> sits in the request pipeline.</summary>
public enum HttpPipelinePosition
{
    /// <summary>
    /// Outside the retry: the handler sees each logical call once (one request, the final response or exception), before
    /// the SDK adds the idempotency key and your extra headers. Outermost of all handlers.
    /// </summary>
    PerCall,

    /// <summary>
    /// Inside the retry, after authentication: the handler sees every attempt, already signed and carrying the
    /// idempotency key and your extra headers. The body of a non-streamed response it receives is already in memory.
    /// </summary>
    PerAttempt,
}

/// <summary>
/// The one place the request pipeline is composed, for <c>new BotCadenceClient(…)</c>, a client over your own
/// <see cref="HttpClient"/>, and dependency injection. Outermost first:
/// <list type="number">
/// <item>telemetry: one span and one duration measurement per operation (see <c>Diagnostics/</c>); free when nobody listens;</item>
/// <item>your <see cref="HttpPipelinePosition.PerCall"/> handlers, in the order added;</item>
/// <item>the call handler: the <c>Idempotency-Key</c> of a mutating call (POST, PATCH, PUT, DELETE) and your extra headers,
/// once per call on the request message, so every attempt (and any resend by the connection pool) carries them;</item>
/// <item>resilience (Polly): the call's total timeout → retry → one attempt's timeout;</item>
/// <item>the client-side rate limiter, when one is set (<see cref="BotCadenceClientOptions.UseRateLimiter"/>): each attempt waits for a permit;</item>
/// <item>authentication: <c>Authorization</c> (the call's API key or the client's) and <c>User-Agent</c>, per attempt;</item>
/// <item>your <see cref="HttpPipelinePosition.PerAttempt"/> handlers, in the order added;</item>
/// <item>logging of each attempt;</item>
/// <item>the attempt handler: counts attempts and reads a non-streamed response body into memory, so a body cut off
/// mid-way fails the attempt and is retried;</item>
/// <item>the transport (a pooled <see cref="SocketsHttpHandler"/>, yours, or your <see cref="HttpClient"/>).</item>
/// </list>
/// </summary>
internal static class HttpPipeline
{
    internal const string LoggerCategory = "Botcadence.Sdk";

    public static IReadOnlyList<DelegatingHandler> CreateHandlers(BotCadenceClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger(LoggerCategory);
        var handlers = new List<DelegatingHandler> { new TelemetryHandler(options, timeProvider) };
        AddUserHandlers(handlers, options, HttpPipelinePosition.PerCall);
        handlers.Add(new CallHandler());
        // Built on the first request, not with the client (a client that is created and never used pays nothing for it).
        var retrySettings = RetryStrategy.Settings.Of(options);
        var resilience = new Lazy<Polly.ResiliencePipeline<HttpResponseMessage>>(
            () => RetryStrategy.Build(retrySettings, timeProvider, logger), LazyThreadSafetyMode.ExecutionAndPublication);
        handlers.Add(new ResilienceHandler(_ => resilience.Value));
        handlers.AddRange(RateLimiting.RateLimitingHandler.For(options, timeProvider));
        handlers.Add(new AuthenticationHandler(options.ApiKey!, UserAgent.Build(options.ApplicationId)));
        AddUserHandlers(handlers, options, HttpPipelinePosition.PerAttempt);
        handlers.Add(new LoggingHandler(logger, options.LoggedHeaderNames, timeProvider));
        handlers.Add(new AttemptHandler());
        return handlers;
    }

    private static void AddUserHandlers(List<DelegatingHandler> handlers, BotCadenceClientOptions options, HttpPipelinePosition position)
    {
        foreach (var (factory, at) in options.GetHandlers())
        {
            if (at == position)
            {
                handlers.Add(factory() ?? throw new InvalidOperationException("A handler factory given to BotCadenceClientOptions.AddHandler returned null."));
            }
        }
    }

    public static HttpMessageHandler Compose(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        var inner = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    public static HttpMessageHandler CreateDefaultTransport() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}

/// <summary>
/// The transport when you pass your own <see cref="HttpClient"/>: each attempt is sent through it (its handlers, default
/// headers and its own <see cref="HttpClient.Timeout"/>, which then bounds each attempt). It is never disposed by the SDK.
/// </summary>
internal sealed class HttpClientTransport : HttpMessageHandler
{
    private readonly HttpClient _httpClient;

    public HttpClientTransport(HttpClient httpClient) => _httpClient = httpClient;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient refuses to send one message twice, and every retry resends it: send a copy per attempt, sharing the
        // (buffered) content, headers and options.
        var attempt = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers.NonValidated)
        {
            attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)attempt.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }

        return _httpClient.SendAsync(attempt, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    // The HttpClient is the caller's: not disposed here (HttpMessageHandler itself holds nothing).
    protected override void Dispose(bool disposing) => base.Dispose(disposing);
}
