using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Botcadence.Sdk.Observability.Tests;

/// <summary>A webhook receiver on real Kestrel (port 0) with <c>MapBotCadenceWebhooks</c>, its logs exported through OpenTelemetry.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public List<WebhookEvent> Handled { get; } = [];

    public static async Task<WebhookReceiver> StartAsync(string secret, TelemetryCapture telemetry)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        telemetry.AddLogging(builder.Logging);
        builder.Services.AddBotCadenceWebhooks(o => o.Secrets = [secret]);
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapBotCadenceWebhooks("/webhooks/botcadence", (evt, ct) =>
        {
            if (evt.Id.StartsWith("evt_fail", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("handler failure for the test");
            }

            lock (receiver!.Handled)
            {
                receiver.Handled.Add(evt);
            }

            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/webhooks/botcadence"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

[TestFixture]
[NonParallelizable]
public sealed class WebhookTelemetryTests
{
    internal static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static async Task<HttpStatusCode> DeliverAsync(HttpClient http, Uri url, string secret, string eventId, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in WebhookVerifier.Sign(secret, eventId, DateTimeOffset.UtcNow, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Each_delivery_is_a_span_with_event_verification_and_duplicate_and_a_count_by_outcome()
    {
        using var telemetry = new TelemetryCapture();
        var secret = NewSecret();
        await using var receiver = await WebhookReceiver.StartAsync(secret, telemetry);
        using var http = new HttpClient();
        var body = """{"id":"evt_obs_1","event":"run.created","timestamp":"2026-01-01T00:00:00Z","data":{"run_id":"run_1"}}""";

        Assert.That(await DeliverAsync(http, receiver.Url, secret, "evt_obs_1", body), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DeliverAsync(http, receiver.Url, secret, "evt_obs_1", body), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await DeliverAsync(http, receiver.Url, NewSecret(), "evt_obs_1", body), Is.EqualTo(HttpStatusCode.BadRequest));

        Assert.That(receiver.Handled, Has.Count.EqualTo(1));
        var spans = (await telemetry.WaitForOperationsAsync("Webhooks.Receive", 3)).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.That(spans, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(spans[0].GetTagItem("botcadence.webhook.outcome"), Is.EqualTo("handled"));
            Assert.That(spans[0].GetTagItem("botcadence.webhook.event_type"), Is.EqualTo("run.created"));
            Assert.That(spans[0].GetTagItem("botcadence.webhook.event_id"), Is.EqualTo("evt_obs_1"));
            Assert.That(spans[0].GetTagItem("botcadence.webhook.verification"), Is.EqualTo("verified"));
            Assert.That(spans[0].GetTagItem("botcadence.webhook.duplicate"), Is.EqualTo(false));
            Assert.That(spans[0].Status, Is.EqualTo(ActivityStatusCode.Unset));

            Assert.That(spans[1].GetTagItem("botcadence.webhook.outcome"), Is.EqualTo("duplicate"));
            Assert.That(spans[1].GetTagItem("botcadence.webhook.duplicate"), Is.EqualTo(true));
            Assert.That(spans[1].GetTagItem("botcadence.webhook.event_id"), Is.EqualTo("evt_obs_1"));

            Assert.That(spans[2].GetTagItem("botcadence.webhook.outcome"), Is.EqualTo("rejected"));
            Assert.That(spans[2].GetTagItem("botcadence.webhook.verification"), Is.EqualTo("NoMatchingSignature"));
            Assert.That(spans[2].GetTagItem("botcadence.webhook.event_id"), Is.Null, "an unverified id is not trusted");
            Assert.That(spans[2].Status, Is.EqualTo(ActivityStatusCode.Error));
        });

        var failing = """{"id":"evt_fail_1","event":"run.completed","timestamp":"2026-01-01T00:00:00Z","data":{}}""";
        Assert.That(await DeliverAsync(http, receiver.Url, secret, "evt_fail_1", failing), Is.EqualTo(HttpStatusCode.InternalServerError));
        var failed = (await telemetry.WaitForOperationsAsync("Webhooks.Receive", 4)).Single(s => Equals(s.GetTagItem("botcadence.webhook.event_id"), "evt_fail_1"));
        Assert.That(failed.GetTagItem("botcadence.webhook.outcome"), Is.EqualTo("handler_failed"));
        Assert.That(failed.GetTagItem("error.type"), Is.EqualTo(typeof(InvalidOperationException).FullName));
        Assert.That(failed.Status, Is.EqualTo(ActivityStatusCode.Error));

        var deliveries = telemetry.Points("botcadence.webhook.deliveries");
        long Count(string outcome) => deliveries.Where(p => Equals(p.Tags["botcadence.webhook.outcome"], outcome)).Sum(p => p.Point.GetSumLong());
        Assert.That((Count("handled"), Count("duplicate"), Count("rejected"), Count("handler_failed")), Is.EqualTo((1L, 1L, 1L, 1L)));
        Assert.That(deliveries.Single(p => Equals(p.Tags["botcadence.webhook.outcome"], "rejected")).Tags["botcadence.webhook.verification"],
            Is.EqualTo("NoMatchingSignature"));
    }
}
