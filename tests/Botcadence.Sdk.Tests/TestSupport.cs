using System.Collections.Concurrent;
using Botcadence.ReferenceServer;
using Microsoft.Extensions.Logging;

namespace Botcadence.Sdk.Tests;

/// <summary>One reference server for the whole run; tests isolate themselves with their own organization.</summary>
[SetUpFixture]
public sealed class ServerFixture
{
    public static ReferenceServer.ReferenceServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        Server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { StepDuration = TimeSpan.FromMilliseconds(5) });

    [OneTimeTearDown]
    public async Task StopAsync() => await Server.DisposeAsync();

    /// <summary>A fresh organization with a key holding the given scopes (all when null), and a client for it.</summary>
    public static (BotCadenceClient Client, OrganizationInfo Org, ApiKeyInfo Key) NewTenant(
        IEnumerable<string>? scopes = null, string plan = "enterprise", Action<BotCadenceClientOptions>? configure = null)
    {
        var org = Server.CreateOrganization($"org-{Guid.NewGuid():N}", plan);
        var key = Server.CreateApiKey(org.Id, scopes);
        return (ClientFor(key.Key, configure), org, key);
    }

    public static BotCadenceClient ClientFor(string apiKey, Action<BotCadenceClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new BotCadenceClientOptions { ApiKey = apiKey, BaseAddress = Server.BaseAddress, RetryDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return new BotCadenceClient(options, transport: null, loggerFactory);
    }
}

/// <summary>Keeps every log line written, for asserting on retries, redaction and deprecation warnings.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
    }
}

public static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
