using Botcadence.Sdk.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis replay store of the BotCadence webhook receiver (package <c>Botcadence.Sdk.AspNetCore.Redis</c>).</summary>
public static class BotCadenceWebhookRedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares claimed and handled event ids across instances on Redis (<see cref="RedisWebhookReplayStore"/>, atomic claims).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBotCadenceWebhookRedisReplayStore(this IServiceCollection services, string configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        var options = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        services.AddSingleton(_ => new OwnedRedisConnection(options));
        return services.AddBotCadenceWebhookRedisReplayStore(sp => sp.GetRequiredService<OwnedRedisConnection>().Value);
    }

    /// <summary>The connection opened from a configuration string: opened on first use, disposed with the container.</summary>
    private sealed class OwnedRedisConnection(StackExchange.Redis.ConfigurationOptions options) : IDisposable
    {
        private readonly Lazy<StackExchange.Redis.ConnectionMultiplexer> _connection = new(() => StackExchange.Redis.ConnectionMultiplexer.Connect(options));

        public StackExchange.Redis.IConnectionMultiplexer Value => _connection.Value;

        public void Dispose()
        {
            if (_connection.IsValueCreated)
            {
                _connection.Value.Dispose();
            }
        }
    }

    /// <summary>Shares claimed and handled event ids across instances on Redis, over a connection you manage.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">Returns the (shared) Redis connection.</param>
    /// <param name="keyPrefix">The prefix of the keys (default <see cref="RedisWebhookReplayStore.DefaultKeyPrefix"/>).</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBotCadenceWebhookRedisReplayStore(this IServiceCollection services, Func<IServiceProvider, StackExchange.Redis.IConnectionMultiplexer> connection, string? keyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.RemoveAll<IWebhookReplayStore>();
        services.AddSingleton<IWebhookReplayStore>(sp => new RedisWebhookReplayStore(connection(sp), keyPrefix));
        return services;
    }
}
