using Botcadence.Sdk;
using Botcadence.Sdk.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on client-side rate limiting for the client registered by <c>AddBotCadence(…)</c>.</summary>
public static class BotCadenceRateLimitingExtensions
{
    /// <summary>
    /// Every attempt waits for a permit of a <see cref="LocalRateLimiter"/> (one per application) that learns the key's
    /// limit from the service's headers. For several instances sharing a key, use <c>AddBotCadenceRedisRateLimiting</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddBotCadence(…)</c> returned.</param>
    /// <param name="configure">Changes the limiter's settings.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddBotCadenceRateLimiting(this IHttpClientBuilder builder, Action<BotCadenceRateLimiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limiterOptions = new BotCadenceRateLimiterOptions();
        configure?.Invoke(limiterOptions);
        builder.Services.AddSingleton(sp => new LocalRateLimiter(limiterOptions, sp.GetService<TimeProvider>()));
        return builder.UseBotCadenceRateLimiter((sp, _) => sp.GetRequiredService<LocalRateLimiter>());
    }

    /// <summary>Every attempt waits for a permit of the limiter <paramref name="factory"/> returns (once, for the application).</summary>
    /// <param name="builder">The builder <c>AddBotCadence(…)</c> returned.</param>
    /// <param name="factory">Creates the limiter from the services and the client's settings (e.g. its <c>ApiKey</c>).</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder UseBotCadenceRateLimiter(this IHttpClientBuilder builder, Func<IServiceProvider, BotCadenceClientOptions, System.Threading.RateLimiting.RateLimiter> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddOptions<BotCadenceClientOptions>()
            .PostConfigure<IServiceProvider>((options, services) => options.UseRateLimiter(options.GetRateLimiter() ?? factory(services, options)));
        return builder;
    }
}
