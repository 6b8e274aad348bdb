using Microsoft.Extensions.DependencyInjection;

namespace Botcadence.Sdk;

/// <summary>Gives the BotCadence clients registered with <c>services.AddBotCadence(name, …)</c> by name.</summary>
public interface IBotCadenceClientFactory
{
    /// <summary>
    /// The client registered under <paramref name="name"/>: the same shared, thread-safe instance on every call (also
    /// injectable as <c>[FromKeyedServices(name)] IBotCadenceClient</c>). An empty name gives the unnamed client.
    /// </summary>
    /// <param name="name">The name given to <c>AddBotCadence</c>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidOperationException">No client is registered under that name.</exception>
    IBotCadenceClient CreateClient(string name);
}

internal sealed class BotCadenceClientFactory(IServiceProvider services) : IBotCadenceClientFactory
{
    public IBotCadenceClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var client = name.Length == 0
            ? services.GetService<IBotCadenceClient>()
            : services.GetKeyedService<IBotCadenceClient>(name);
        return client ?? throw new InvalidOperationException(
            $"No BotCadence client is registered under the name '{name}'. Register it with services.AddBotCadence(\"{name}\", …).");
    }
}
