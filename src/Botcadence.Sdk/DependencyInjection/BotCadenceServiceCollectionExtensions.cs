using Botcadence.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BotCadence client with dependency injection, on <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
public static class BotCadenceServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the SDK uses; configure it further through the returned builder.</summary>
    public const string HttpClientName = "Botcadence.Sdk";

    /// <summary>Registers <see cref="IBotCadenceClient"/> (and each resource client) with settings bound from configuration, validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding the settings, e.g. <c>builder.Configuration.GetSection("BotCadence")</c>.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddBotCadence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotCadenceClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Registers <see cref="IBotCadenceClient"/> (and each resource client) with settings set in code, validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddBotCadence(this IServiceCollection services, Action<BotCadenceClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BotCadenceClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCadenceClientOptions>, BotCadenceClientOptionsValidator>());
        services.AddOptions<BotCadenceClientOptions>().ValidateOnStart();

        var builder = services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(HttpPipeline.CreateDefaultTransport)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in HttpPipeline.CreateHandlers(
                    sp.GetRequiredService<IOptions<BotCadenceClientOptions>>().Value,
                    sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System))
                {
                    handlers.Add(handler);
                }
            });

        // One shared, thread-safe client: its pooled connections are recycled by the primary handler's
        // PooledConnectionLifetime, so it needs no factory handler rotation.
        services.TryAddSingleton<IBotCadenceClient>(sp => new BotCadenceClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<BotCadenceClientOptions>>().Value,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Workflows);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Executions);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Templates);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Runs);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Forms);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Files);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Webhooks);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Credentials);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Integrations);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().DataSources);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Users);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Agents);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().Analytics);
        services.TryAddSingleton(sp => sp.GetRequiredService<IBotCadenceClient>().ApiKeys);
        return builder;
    }
}
