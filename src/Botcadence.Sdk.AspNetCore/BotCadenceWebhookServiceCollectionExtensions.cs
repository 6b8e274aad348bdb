using Botcadence.Sdk.AspNetCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BotCadence webhook receiver's services.</summary>
public static class BotCadenceWebhookServiceCollectionExtensions
{
    /// <summary>Registers the receiver's options (set in code, validated when the app starts: an empty secret list stops it) and the in-memory replay store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the secrets and other options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBotCadenceWebhooks(this IServiceCollection services, Action<BotCadenceWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BotCadenceWebhookOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>Registers the receiver's options bound from configuration (e.g. <c>"BotCadence:Webhooks"</c> with a <c>Secrets</c> array) validated when the app starts, and the in-memory replay store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBotCadenceWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotCadenceWebhookOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Shares handled event ids across instances through the registered <see cref="IDistributedCache"/> (Redis, SQL Server, …).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddBotCadenceWebhookDistributedReplayStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IWebhookReplayStore>();
        services.AddSingleton<IWebhookReplayStore>(sp => new DistributedCacheWebhookReplayStore(sp.GetRequiredService<IDistributedCache>()));
        return services;
    }

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

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<BotCadenceWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCadenceWebhookOptions>, BotCadenceWebhookOptionsValidator>());
        services.TryAddSingleton(sp => new WebhookVerifierCache(sp.GetRequiredService<IOptionsMonitor<BotCadenceWebhookOptions>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IWebhookReplayStore>(sp => new InMemoryWebhookReplayStore(sp.GetService<TimeProvider>()));
        return services;
    }
}
