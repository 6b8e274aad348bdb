using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botcadence.Sdk.AspNetCore.Tests;

/// <summary>Issue 15 point 5: options validated at start-up; one verifier per options change, not per request.</summary>
[TestFixture]
public sealed class ReceiverOptionsTests
{
    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<HttpStatusCode> DeliverAsync(Receiver receiver, string secret)
    {
        var id = "evt_" + Guid.NewGuid().ToString("N");
        var body = "{\"id\":\"" + id + "\",\"event\":\"user.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"id\":\"usr_1\"}}";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in WebhookVerifier.Sign(secret, id, DateTimeOffset.UtcNow, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task An_empty_secret_list_stops_the_app_from_starting()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddBotCadenceWebhooks(_ => { });
        await using var app = builder.Build();
        app.MapBotCadenceWebhooks("/hooks", (_, _) => Task.CompletedTask);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.That(ex!.Message, Does.Contain("BotCadenceWebhookOptions.Secrets is empty"));
    }

    [Test]
    public async Task Secrets_missing_from_configuration_stop_the_app_too()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:Tolerance"] = "00:01:00" }).Build();
        builder.Services.AddBotCadenceWebhooks(configuration.GetSection("Webhooks"));
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.That(ex!.Message, Does.Contain("Secrets is empty"));
    }

    [Test]
    public async Task The_verifier_is_built_once_and_again_only_when_the_options_change()
    {
        var oldSecret = NewSecret();
        var newSecret = NewSecret();
        await using var receiver = await Receiver.StartAsync([oldSecret]);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await DeliverAsync(receiver, oldSecret), Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(receiver.VerifiersBuilt, Is.EqualTo(1), "one verifier for five deliveries");

        receiver.SetSecrets([newSecret]);
        Assert.That(await DeliverAsync(receiver, newSecret), Is.EqualTo(HttpStatusCode.OK), "the change takes effect at once");
        Assert.That(await DeliverAsync(receiver, oldSecret), Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(receiver.VerifiersBuilt, Is.EqualTo(2), "rebuilt once for the change");
    }
}
