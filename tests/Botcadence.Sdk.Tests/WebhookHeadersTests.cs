using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Tests;

/// <summary>WebhookHeaders: the one header lookup every Verify overload (and the ASP.NET Core package) reads through.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebhookHeadersTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private const string Payload = """{"id":"evt_1","event":"run.created","timestamp":"2023-11-14T22:13:20Z","data":{}}""";

    private static WebhookVerifier Verifier() => new(Secret, new WebhookVerifierOptions { TimeProvider = new FakeTimeProvider(Now) });

    /// <summary>A framework-style collection: names matched case-insensitively, several values per name.</summary>
    private static WebhookHeaders Lookup(Dictionary<string, string?[]> headers)
    {
        var byName = new Dictionary<string, string?[]>(headers, StringComparer.OrdinalIgnoreCase);
        return WebhookHeaders.FromLookup(name => byName.TryGetValue(name, out var values) ? values : null);
    }

    [Test]
    public void A_lookup_by_name_verifies_like_the_pairs_overloads()
    {
        var signed = WebhookVerifier.Sign(Secret, "evt_1", Now, Payload);
        var headers = Lookup(signed.ToDictionary(h => h.Key.ToUpperInvariant(), h => new string?[] { h.Value }));

        Assert.That(Verifier().Verify(Payload, headers).Id, Is.EqualTo("evt_1"));
        Assert.That(Verifier().Verify(Encoding.UTF8.GetBytes(Payload), headers).Type, Is.EqualTo(new WebhookEventType("run.created")));
    }

    [Test]
    public void Several_signature_values_are_one_list_and_null_values_are_skipped()
    {
        var signed = WebhookVerifier.Sign(Secret, "evt_1", Now, Payload);
        var headers = Lookup(new()
        {
            [WebhookVerifier.WebhookIdHeader] = ["evt_1", null],
            [WebhookVerifier.WebhookTimestampHeader] = [signed[WebhookVerifier.WebhookTimestampHeader]],
            [WebhookVerifier.WebhookSignatureHeader] = ["v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", signed[WebhookVerifier.WebhookSignatureHeader]],
        });

        Assert.That(Verifier().Verify(Payload, headers).Id, Is.EqualTo("evt_1"));
    }

    [Test]
    public void A_repeated_single_header_a_missing_one_and_a_failing_lookup_are_verification_failures()
    {
        var signed = WebhookVerifier.Sign(Secret, "evt_1", Now, Payload);
        var twice = Lookup(new()
        {
            [WebhookVerifier.WebhookIdHeader] = ["evt_1", "evt_1"],
            [WebhookVerifier.WebhookTimestampHeader] = [signed[WebhookVerifier.WebhookTimestampHeader]],
            [WebhookVerifier.WebhookSignatureHeader] = [signed[WebhookVerifier.WebhookSignatureHeader]],
        });
        var none = WebhookHeaders.FromLookup(_ => null);
        var failing = WebhookHeaders.FromLookup(_ => throw new InvalidOperationException("the collection is gone"));

        Assert.That(Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Payload, twice))!.Reason, Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        Assert.That(Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Payload, none))!.Reason, Is.EqualTo(WebhookVerificationFailureReason.MissingHeader));
        Assert.That(Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Payload, failing))!.Reason, Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        Assert.Throws<ArgumentNullException>(() => WebhookHeaders.FromLookup(null!));
    }
}
