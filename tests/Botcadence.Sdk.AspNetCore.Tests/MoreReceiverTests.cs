using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Botcadence.ReferenceServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.AspNetCore.Tests;

public sealed class RecordingHandler : IWebhookHandler
{
    public static ConcurrentQueue<WebhookEvent> Seen { get; } = new();

    public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        Seen.Enqueue(webhookEvent);
        return Task.CompletedTask;
    }
}

[TestFixture]
public sealed class MoreReceiverTests
{
    [Test]
    public async Task Retry_delays_run_on_the_server_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions
        {
            TimeProvider = clock,
            WebhookRetryDelays = [TimeSpan.FromMinutes(10)],
        });
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
        var hook = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions { Url = "http://127.0.0.1:1/down", Events = [WebhookEventType.WorkflowExecuted] });
        var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "clock", Status = WorkflowStatus.Active, Actions = [new WorkflowActionOptions { Type = "log" }] });
        await client.Workflows.ExecuteAsync(workflow.Id);

        await Eventually.ResultAsync(() => client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), d => d.Count == 1, "the first attempt");
        await Task.Delay(300);
        Assert.That(await client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), Has.Count.EqualTo(1), "no retry before the server clock moves");

        clock.Advance(TimeSpan.FromMinutes(10));
        var log = await Eventually.ResultAsync(() => client.Webhooks.ListDeliveriesAsync(hook.Id).ToListAsync(), d => d.Count == 2, "the retry after 10 minutes of server time");
        Assert.That(log.Max(d => d.AttemptedAt) - log.Min(d => d.AttemptedAt), Is.EqualTo(TimeSpan.FromMinutes(10)).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task An_IWebhookHandler_service_and_secrets_from_configuration_work()
    {
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Secrets:0"] = secret,
            ["Webhooks:Tolerance"] = "00:01:00",
        }).Build();
        builder.Services.AddBotCadenceWebhooks(configuration.GetSection("Webhooks"));
        builder.Services.AddScoped<IWebhookHandler, RecordingHandler>();
        await using var app = builder.Build();
        app.MapBotCadenceWebhooks("/hooks");
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hooks";

        var options = app.Services.GetRequiredService<IOptionsMonitor<BotCadenceWebhookOptions>>().CurrentValue;
        Assert.That(options.Secrets, Is.EqualTo(new[] { secret }));
        Assert.That(options.Tolerance, Is.EqualTo(TimeSpan.FromMinutes(1)));

        var id = "evt_" + Guid.NewGuid().ToString("N");
        var body = "{\"id\":\"" + id + "\",\"event\":\"user.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"user_id\":\"usr_1\"}}";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in WebhookVerifier.Sign(secret, id, DateTimeOffset.UtcNow, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(RecordingHandler.Seen.Single(e => e.Id == id).Type, Is.EqualTo(WebhookEventType.UserCreated));
        await app.StopAsync();
    }
}
