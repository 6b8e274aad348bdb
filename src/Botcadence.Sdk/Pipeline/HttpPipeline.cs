using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace Botcadence.Sdk;

/// <summary>
/// The one place the request pipeline is composed, for both <c>new BotCadenceClient(…)</c> and dependency injection.
/// Outermost first: idempotency key → retry (Polly, with a per-attempt timeout inside) → authentication → logging → transport.
/// The idempotency key sits outside the retry, so every attempt of one logical POST carries the same key; authentication
/// and logging sit inside, so each attempt is signed and logged.
/// </summary>
internal static class HttpPipeline
{
    internal const string LoggerCategory = "Botcadence.Sdk";

    public static IReadOnlyList<DelegatingHandler> CreateHandlers(BotCadenceClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger(LoggerCategory);
        return
        [
            new IdempotencyKeyHandler(),
            new ResilienceHandler(RetryStrategy.Build(options, timeProvider, logger)),
            .. RateLimiting.RateLimitingHandler.For(options, timeProvider),
            new AuthenticationHandler(options.ApiKey!, UserAgent.Build(options.ApplicationId)),
            new LoggingHandler(logger, options.LoggedHeaderNames, timeProvider),
        ];
    }

    public static HttpMessageHandler Compose(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        HttpMessageHandler inner = transport;
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
