using Botcadence.Sdk.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the API key's rate limit across every instance of the application, on Redis.</summary>
public static class BotCadenceRedisRateLimitingExtensions
{
    /// <summary>
    /// Every attempt of the client registered by <c>AddBotCadence(…)</c> waits for a permit of a <see cref="RedisRateLimiter"/>
    /// shared by every instance using the same API key.
    /// </summary>
    /// <param name="builder">The builder <c>AddBotCadence(…)</c> returned.</param>
    /// <param name="redisConfiguration">The StackExchange.Redis configuration string, e.g. <c>redis:6379</c>. The connection is opened on first use and does not fail start-up when Redis is down.</param>
    /// <param name="configure">Changes the limiter's settings.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddBotCadenceRedisRateLimiting(this IHttpClientBuilder builder, string redisConfiguration, Action<RedisRateLimiterOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(redisConfiguration);
        ArgumentNullException.ThrowIfNull(builder);
        var options = ConfigurationOptions.Parse(redisConfiguration);
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton(_ => new OwnedConnection(options));
        return builder.AddBotCadenceRedisRateLimiting(sp => sp.GetRequiredService<OwnedConnection>().Value, configure);
    }

    /// <summary>The connection opened from a configuration string: opened on first use, disposed with the container.</summary>
    private sealed class OwnedConnection(ConfigurationOptions options) : IDisposable
    {
        private readonly Lazy<ConnectionMultiplexer> _connection = new(() => ConnectionMultiplexer.Connect(options));

        public IConnectionMultiplexer Value => _connection.Value;

        public void Dispose()
        {
            if (_connection.IsValueCreated)
            {
                _connection.Value.Dispose();
            }
        }
    }

    /// <summary>Like the other overload, over a Redis connection you manage (e.g. one already registered).</summary>
    /// <param name="builder">The builder <c>AddBotCadence(…)</c> returned.</param>
    /// <param name="connection">Returns the shared Redis connection.</param>
    /// <param name="configure">Changes the limiter's settings.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddBotCadenceRedisRateLimiting(this IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisRateLimiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        var limiterOptions = new RedisRateLimiterOptions();
        configure?.Invoke(limiterOptions);
        return builder.UseBotCadenceRateLimiter((services, clientOptions) => new RedisRateLimiter(
            connection(services),
            clientOptions.ApiKey ?? throw new InvalidOperationException("BotCadence:ApiKey is required for the shared rate limiter."),
            limiterOptions,
            services.GetService<TimeProvider>(),
            services.GetService<ILoggerFactory>()?.CreateLogger("Botcadence.Sdk.Redis")));
    }
}
