using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Botcadence.Sdk.Observability.Tests;

[TestFixture]
[NonParallelizable]
public sealed class RedactionTests
{
    [Test]
    public async Task No_exported_attribute_metric_tag_or_log_line_contains_the_api_key_a_secret_or_a_body()
    {
        using var telemetry = new TelemetryCapture();
        var apiKey = "sk_test_redact" + Guid.NewGuid().ToString("N");
        const string bodyMarker = "body-marker-7f3a";
        using var mock = WireMockServer.Start();
        mock.Given(Request.Create().WithPath("/v1/workflows").UsingPost()).RespondWith(Response.Create().WithStatusCode(201)
            .WithHeader("Content-Type", "application/json").WithHeader("X-RateLimit-Limit", "10").WithHeader("X-RateLimit-Remaining", "9")
            .WithHeader("X-RateLimit-Reset", "1999999999")
            .WithBody($$$"""{"id":"wf_1","name":"{{{bodyMarker}}}","status":"draft","created_at":"2026-01-01T00:00:00Z","actions":[]}"""));
        mock.Given(Request.Create().WithPath("/v1/credentials/cred_1").UsingGet()).RespondWith(Response.Create().WithStatusCode(403)
            .WithHeader("Content-Type", "application/json")
            .WithBody($$$"""{"error":{"code":"INSUFFICIENT_SCOPE","message":"{{{bodyMarker}}} denied","required_scope":"credentials:read"}}"""));
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = apiKey, BaseAddress = new Uri(mock.Url + "/v1") },
            transport: null, telemetry.LoggerFactory);

        await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = bodyMarker, Description = bodyMarker, Actions = [new WorkflowActionOptions { Type = "log" }] });
        await Assert.ThrowsAsync<BotCadencePermissionException>(() => client.Credentials.GetAsync("cred_1"));

        var secret = WebhookTelemetryTests.NewSecret();
        await using (var receiver = await WebhookReceiver.StartAsync(secret, telemetry))
        {
            using var http = new HttpClient();
            var body = $$$"""{"id":"evt_redact","event":"run.created","timestamp":"2026-01-01T00:00:00Z","data":{"note":"{{{bodyMarker}}}"}}""";
            Assert.That(await WebhookTelemetryTests.DeliverAsync(http, receiver.Url, secret, "evt_redact", body), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await WebhookTelemetryTests.DeliverAsync(http, receiver.Url, WebhookTelemetryTests.NewSecret(), "evt_redact2", body), Is.EqualTo(HttpStatusCode.BadRequest));
        }

        await telemetry.WaitForOperationsAsync("Webhooks.Receive", 2);
        var exported = telemetry.EverythingExported();
        Assert.That(telemetry.Operations("Workflows.Create"), Has.Count.EqualTo(1), "the capture saw the calls");
        Assert.That(telemetry.Operations("Credentials.Get"), Has.Count.EqualTo(1));
        Assert.That(telemetry.Operations("Webhooks.Receive"), Has.Count.EqualTo(2));
        Assert.That(telemetry.LogLines, Is.Not.Empty, "Debug request logs and webhook logs were exported");
        Assert.That(exported, Has.Some.Contains(apiKey[..12]), "the key's prefix tags the rate-limit gauge");
        Assert.That(exported.Where(s => s.Contains(apiKey, StringComparison.Ordinal)), Is.Empty, "the API key");
        Assert.That(exported.Where(s => s.Contains(apiKey[12..], StringComparison.Ordinal)), Is.Empty, "any part of the API key after its prefix");
        Assert.That(exported.Where(s => s.Contains(secret, StringComparison.Ordinal) || s.Contains(secret["whsec_".Length..], StringComparison.Ordinal)), Is.Empty, "the webhook secret");
        Assert.That(exported.Where(s => s.Contains(bodyMarker, StringComparison.Ordinal)), Is.Empty, "request, response and webhook bodies");
        Assert.That(exported.Where(s => s.Contains("Bearer", StringComparison.OrdinalIgnoreCase)), Is.Empty, "the Authorization header");
    }
}
