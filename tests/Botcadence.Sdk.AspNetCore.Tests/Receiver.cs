using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botcadence.Sdk.AspNetCore.Tests;

/// <summary>A request as it reached the receiver: the raw body and the headers.</summary>
public sealed record RawDelivery(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A webhook receiver on real Kestrel (port 0) using MapBotCadenceWebhooks, recording what it receives and handles.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresToInject;

    private Receiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Every request that reached the endpoint, before verification.</summary>
    public ConcurrentQueue<RawDelivery> Received { get; } = new();

    /// <summary>Every event the handler completed.</summary>
    public ConcurrentQueue<WebhookEvent> Handled { get; } = new();

    /// <summary>Every status the endpoint answered.</summary>
    public ConcurrentQueue<int> Statuses { get; } = new();

    public IList<string> Secrets => _app.Services.GetRequiredService<IOptionsMonitor<BotCadenceWebhookOptions>>().CurrentValue.Secrets;

    /// <summary>Awaited by the handler before it records the event (e.g. to hold it in flight).</summary>
    public Func<WebhookEvent, CancellationToken, Task>? BeforeHandle { get; set; }

    /// <summary>Changes the secrets the way a configuration reload does: a new options value and a change notification.</summary>
    public void SetSecrets(IEnumerable<string> secrets) => _app.Services.GetRequiredService<ReloadableSecrets>().Set(secrets);

    /// <summary>How many verifiers the receiver has built so far.</summary>
    public int VerifiersBuilt => _app.Services.GetRequiredService<WebhookVerifierCache>().BuildCount;

    /// <summary>The next <paramref name="count"/> handler calls throw.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresToInject, count);

    public static async Task<Receiver> StartAsync(IEnumerable<string> secrets, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var reloadable = new ReloadableSecrets(secrets);
        builder.Services.AddSingleton(reloadable);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<BotCadenceWebhookOptions>>(reloadable);
        builder.Services.AddBotCadenceWebhooks(o => o.Secrets = [.. reloadable.Values]);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        Receiver? receiver = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            receiver!.Received.Enqueue(new RawDelivery(body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await next(context);
            receiver.Statuses.Enqueue(context.Response.StatusCode);
        });
        app.MapBotCadenceWebhooks("/webhooks/botcadence", async (evt, ct) =>
        {
            if (Interlocked.Decrement(ref receiver!._failuresToInject) >= 0)
            {
                throw new InvalidOperationException("injected handler failure");
            }

            if (receiver.BeforeHandle is { } gate)
            {
                await gate(evt, ct);
            }

            receiver.Handled.Enqueue(evt);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new Receiver(app, new Uri(address.TrimEnd('/') + "/webhooks/botcadence"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class Eventually
{
    /// <summary>Polls until the condition holds (bounded: fails the test after the timeout).</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(10);
        }
    }

    public static async Task<T> ResultAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, int timeoutMs = 15_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for: " + what);
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>Secrets that change like reloaded configuration: <see cref="Set"/> fires the options change token.</summary>
public sealed class ReloadableSecrets(IEnumerable<string> initial) : IOptionsChangeTokenSource<BotCadenceWebhookOptions>
{
    private CancellationTokenSource _changed = new();

    public string[] Values { get; private set; } = [.. initial];

    public string? Name => Options.DefaultName;

    public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => new Microsoft.Extensions.Primitives.CancellationChangeToken(_changed.Token);

    public void Set(IEnumerable<string> secrets)
    {
        Values = [.. secrets];
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }
}
