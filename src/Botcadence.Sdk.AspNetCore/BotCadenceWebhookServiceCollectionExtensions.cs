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

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<BotCadenceWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCadenceWebhookOptions>, BotCadenceWebhookOptionsValidator>());
        services.TryAddSingleton(sp => new WebhookVerifierCache(sp.GetRequiredService<IOptionsMonitor<BotCadenceWebhookOptions>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IWebhookReplayStore>(sp => new InMemoryWebhookReplayStore(sp.GetService<TimeProvider>()));
        return services;
    }
}
