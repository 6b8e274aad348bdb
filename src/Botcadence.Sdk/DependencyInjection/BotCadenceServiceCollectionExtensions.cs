using Botcadence.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers BotCadence clients with dependency injection, on <see cref="System.Net.Http.IHttpClientFactory"/>.</summary>
public static class BotCadenceServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the unnamed client uses; a named client's is <c>Botcadence.Sdk:{name}</c>.
    /// Configure it further through the returned builder.
    /// </summary>
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
        return AddCore(services, Options.Options.DefaultName);
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
        return AddCore(services, Options.Options.DefaultName);
    }

    /// <summary>
    /// Registers a named client with its own settings bound from configuration (named options, validated at start-up):
    /// inject it as <c>[FromKeyedServices("name")] IBotCadenceClient</c> or get it from
    /// <see cref="IBotCadenceClientFactory.CreateClient"/>. Register as many as you need (e.g. an API-key client and a
    /// session-token client for <c>ApiKeys</c>); the unnamed registration is independent of them.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (its service key).</param>
    /// <param name="configuration">The section holding this client's settings.</param>
    /// <returns>The HTTP client builder of this client, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddBotCadence(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotCadenceClientOptions>(name).Bind(configuration);
        return AddCore(services, name);
    }

    /// <summary>Registers a named client with its own settings set in code (validated at start-up); see the configuration overload.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (its service key).</param>
    /// <param name="configure">Sets this client's options.</param>
    /// <returns>The HTTP client builder of this client, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddBotCadence(this IServiceCollection services, string name, Action<BotCadenceClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BotCadenceClientOptions>(name).Configure(configure);
        return AddCore(services, name);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        var unnamed = name == Options.Options.DefaultName;
        var httpClientName = unnamed ? HttpClientName : $"{HttpClientName}:{name}";
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCadenceClientOptions>, BotCadenceClientOptionsValidator>());
        services.AddOptions<BotCadenceClientOptions>(name).ValidateOnStart();
        services.TryAddSingleton<IBotCadenceClientFactory, BotCadenceClientFactory>();

        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(HttpPipeline.CreateDefaultTransport)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in HttpPipeline.CreateHandlers(
                    sp.GetRequiredService<IOptionsMonitor<BotCadenceClientOptions>>().Get(name),
                    sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System))
                {
                    handlers.Add(handler);
                }
            });

        // One shared, thread-safe client per name: its pooled connections are recycled by the primary handler's
        // PooledConnectionLifetime, so it needs no factory handler rotation.
        BotCadenceClient Create(IServiceProvider sp) => BotCadenceClient.FromFactoryClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            sp.GetRequiredService<IOptionsMonitor<BotCadenceClientOptions>>().Get(name),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetService<TimeProvider>() ?? TimeProvider.System);

        if (!unnamed)
        {
            services.TryAddKeyedSingleton<IBotCadenceClient>(name, (sp, _) => Create(sp));
            return builder;
        }

        services.TryAddSingleton<IBotCadenceClient>(Create);
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
