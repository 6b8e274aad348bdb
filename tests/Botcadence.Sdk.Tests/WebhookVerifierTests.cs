using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Tests;

[JsonSerializable(typeof(TestEventData))]
internal sealed partial class WebhookTestJsonContext : JsonSerializerContext;

internal sealed record TestEventData(bool Test, string WebhookId);

/// <summary>WebhookVerifier: the published Standard Webhooks example, both schemes, tolerance, and properties over 10 000 cases.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WebhookVerifierTests
{
    private const int Cases = 10_000;
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static FakeTimeProvider ClockAt(DateTimeOffset now) => new(now);

    // Opts in to the untimestamped seed scheme so the tests below can exercise both schemes; the default is proven below.
    private static WebhookVerifier Verifier(DateTimeOffset now, params string[] secrets) =>
        new(secrets.Length == 0 ? [Secret] : secrets, new WebhookVerifierOptions { TimeProvider = ClockAt(now), AllowUntimestampedSignatures = true });

    [Test]
    public void By_default_a_delivery_signed_only_with_the_untimestamped_seed_scheme_is_rejected()
    {
        var payload = Payload();
        var headers = WebhookVerifier.Sign(Secret, "evt_1", Now, payload);
        var strict = new WebhookVerifier(Secret, new WebhookVerifierOptions { TimeProvider = ClockAt(Now) });

        Assert.That(Rejection(() => strict.Verify(payload, Only(headers, WebhookVerifier.BotCadenceSignatureHeader))),
            Is.EqualTo(WebhookVerificationFailureReason.UntimestampedSignature));
        Assert.That(strict.Verify(payload, Only(headers, StandardNames)).Id, Is.EqualTo("evt_1"));
        Assert.That(strict.Verify(payload, headers).Id, Is.EqualTo("evt_1"));
        // Opting in accepts it, and still rejects a wrong one.
        Assert.That(Verifier(Now).Verify(payload, Only(headers, WebhookVerifier.BotCadenceSignatureHeader)).Id, Is.EqualTo("evt_1"));
        var forged = new Dictionary<string, string> { [WebhookVerifier.BotCadenceSignatureHeader] = "sha256=" + new string('0', 64) };
        Assert.That(Rejection(() => Verifier(Now).Verify(payload, forged)), Is.EqualTo(WebhookVerificationFailureReason.NoMatchingSignature));
    }

    private static string Payload(string id = "evt_1", string type = "execution.completed", string data = """{"id":"exec_1","workflow_id":"wf_1","status":"completed"}""") =>
        $$"""{"id":"{{id}}","event":"{{type}}","timestamp":"2023-11-14T22:13:20.000Z","data":{{data}}}""";

    private static Dictionary<string, string> Only(IReadOnlyDictionary<string, string> headers, params string[] names) =>
        headers.Where(h => names.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(h => h.Key, h => h.Value);

    private static readonly string[] StandardNames = [WebhookVerifier.WebhookIdHeader, WebhookVerifier.WebhookTimestampHeader, WebhookVerifier.WebhookSignatureHeader];

    private static WebhookVerificationFailureReason Rejection(Action verify)
    {
        try
        {
            verify();
        }
        catch (WebhookVerificationException ex)
        {
            return ex.Reason;
        }

        throw new InvalidOperationException("The verifier accepted what it should have rejected.");
    }

    [Test]
    public void The_published_standard_webhooks_example_verifies_exactly()
    {
        var clock = ClockAt(DateTimeOffset.FromUnixTimeSeconds(1614265330));
        var verifier = new WebhookVerifier(Secret, new WebhookVerifierOptions { TimeProvider = clock });
        var body = """{"test": 2432232314}"""u8.ToArray();

        Assert.DoesNotThrow(() => verifier.VerifySignature(body, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.That(WebhookVerifier.SignStandard(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

        // The example body is not a BotCadence event: the signature matches, the payload is then rejected as such.
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["webhook-timestamp"] = "1614265330",
            ["webhook-signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        };
        Assert.That(Rejection(() => verifier.Verify(body, headers)), Is.EqualTo(WebhookVerificationFailureReason.MalformedPayload));
        headers["webhook-signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        Assert.DoesNotThrow(() => verifier.VerifySignature(body, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"]));
    }

    [Test]
    public void Sign_then_verify_round_trips_with_both_schemes_and_returns_the_typed_event()
    {
        var payload = Payload();
        var headers = WebhookVerifier.Sign(Secret, "evt_1", Now, payload);
        var verifier = Verifier(Now);

        foreach (var subset in new[] { headers.ToDictionary(), Only(headers, StandardNames), Only(headers, WebhookVerifier.BotCadenceSignatureHeader) })
        {
            var evt = verifier.Verify(payload, subset);
            Assert.That(evt.Id, Is.EqualTo("evt_1"));
            Assert.That(evt.Type, Is.EqualTo(WebhookEventType.ExecutionCompleted));
            Assert.That(evt.Timestamp, Is.EqualTo(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero)));
            Assert.That(evt.RawJson, Is.EqualTo(payload));
            Assert.That(evt.Data.GetProperty("workflow_id").GetString(), Is.EqualTo("wf_1"));
            Assert.That(evt.GetExecution().Id, Is.EqualTo("exec_1"));
            Assert.That(evt.GetExecution().Status, Is.EqualTo(ExecutionStatus.Completed));
        }

        Assert.That(headers[WebhookVerifier.BotCadenceSignatureHeader], Does.Match("^sha256=[0-9a-f]{64}$"));
        Assert.That(headers[WebhookVerifier.WebhookTimestampHeader], Is.EqualTo("1700000000"));
    }

    [Test]
    public void The_seed_scheme_is_hex_hmac_keyed_with_the_whole_secret_string_with_or_without_the_prefix()
    {
        var body = Encoding.UTF8.GetBytes(Payload());
        var hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();
        var verifier = Verifier(Now);

        Assert.That(WebhookVerifier.SignBotCadence(Secret, body), Is.EqualTo("sha256=" + hex));
        Assert.DoesNotThrow(() => verifier.VerifySignature(body, hex));
        Assert.DoesNotThrow(() => verifier.VerifySignature(body, "sha256=" + hex));
        Assert.That(Rejection(() => verifier.VerifySignature(body, hex.ToUpperInvariant())), Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        Assert.That(Rejection(() => verifier.VerifySignature(body, "sha256=" + hex[..^1])), Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        Assert.That(Rejection(() => verifier.VerifySignature(body, "sha256=" + hex[..^1] + "g")), Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        Assert.That(Rejection(() => verifier.VerifySignature(body, new string('0', 64))), Is.EqualTo(WebhookVerificationFailureReason.NoMatchingSignature));
    }

    [Test]
    public void Tolerance_applies_in_both_directions()
    {
        var payload = Payload();
        var headers = Only(WebhookVerifier.Sign(Secret, "evt_1", Now, payload), StandardNames);
        WebhookVerifier At(int offsetSeconds) =>
            new(Secret, new WebhookVerifierOptions { TimeProvider = ClockAt(Now.AddSeconds(offsetSeconds)), Tolerance = TimeSpan.FromMinutes(5) });

        Assert.DoesNotThrow(() => At(300).Verify(payload, headers));
        Assert.That(Rejection(() => At(301).Verify(payload, headers)), Is.EqualTo(WebhookVerificationFailureReason.TimestampOutsideTolerance));
        Assert.DoesNotThrow(() => At(-300).Verify(payload, headers));
        Assert.That(Rejection(() => At(-301).Verify(payload, headers)), Is.EqualTo(WebhookVerificationFailureReason.TimestampOutsideTolerance));

        var strict = new WebhookVerifier(Secret, new WebhookVerifierOptions { TimeProvider = ClockAt(Now.AddSeconds(31)), Tolerance = TimeSpan.FromSeconds(30) });
        Assert.That(Rejection(() => strict.Verify(payload, headers)), Is.EqualTo(WebhookVerificationFailureReason.TimestampOutsideTolerance));
    }

    [Test]
    public void Several_secrets_and_several_signatures_accept_any_match()
    {
        var oldSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var newSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var payload = Payload();
        var both = WebhookVerifier.Sign([newSecret, oldSecret], "evt_1", Now, Encoding.UTF8.GetBytes(payload));

        Assert.That(both[WebhookVerifier.WebhookSignatureHeader].Split(' '), Has.Length.EqualTo(2));
        Assert.DoesNotThrow(() => Verifier(Now, oldSecret).Verify(payload, both));
        Assert.DoesNotThrow(() => Verifier(Now, newSecret).Verify(payload, both));
        Assert.DoesNotThrow(() => Verifier(Now, oldSecret, newSecret).Verify(payload, Only(WebhookVerifier.Sign(newSecret, "evt_1", Now, payload), StandardNames)));
        Assert.DoesNotThrow(() => Verifier(Now, oldSecret, newSecret).Verify(payload, Only(WebhookVerifier.Sign(oldSecret, "evt_1", Now, payload), WebhookVerifier.BotCadenceSignatureHeader)));
        Assert.That(Rejection(() => Verifier(Now).Verify(payload, both)), Is.EqualTo(WebhookVerificationFailureReason.NoMatchingSignature));
    }

    [Test]
    public void Headers_are_read_case_insensitively_from_HttpHeaders_and_prefer_the_standard_scheme()
    {
        var payload = Payload();
        var signed = WebhookVerifier.Sign(Secret, "evt_1", Now, payload);
        using var request = new HttpRequestMessage();
        foreach (var (name, value) in signed)
        {
            request.Headers.TryAddWithoutValidation(name.ToUpperInvariant(), value);
        }

        Assert.That(Verifier(Now).Verify(payload, request.Headers).Id, Is.EqualTo("evt_1"));

        // Standard headers present but stale: the valid seed signature does not rescue them.
        Assert.That(Rejection(() => Verifier(Now.AddHours(1)).Verify(payload, request.Headers)), Is.EqualTo(WebhookVerificationFailureReason.TimestampOutsideTolerance));
    }

    [Test]
    public void Each_failure_has_its_reason()
    {
        var payload = Payload();
        var signed = WebhookVerifier.Sign(Secret, "evt_1", Now, payload);
        var verifier = Verifier(Now);

        Assert.That(Rejection(() => verifier.Verify(payload, new Dictionary<string, string>())), Is.EqualTo(WebhookVerificationFailureReason.MissingHeader));
        Assert.That(Rejection(() => verifier.Verify(payload, (IEnumerable<KeyValuePair<string, string>>)null!)), Is.EqualTo(WebhookVerificationFailureReason.MissingHeader));
        Assert.That(Rejection(() => verifier.Verify(payload, Only(signed, WebhookVerifier.WebhookIdHeader, WebhookVerifier.WebhookSignatureHeader))), Is.EqualTo(WebhookVerificationFailureReason.MissingHeader));
        var badTimestamp = Only(signed, StandardNames);
        badTimestamp[WebhookVerifier.WebhookTimestampHeader] = "yesterday";
        Assert.That(Rejection(() => verifier.Verify(payload, badTimestamp)), Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        var badSignature = Only(signed, StandardNames);
        badSignature[WebhookVerifier.WebhookSignatureHeader] = "v2,abc";
        Assert.That(Rejection(() => verifier.Verify(payload, badSignature)), Is.EqualTo(WebhookVerificationFailureReason.MalformedHeader));
        var notAnEvent = "[1,2,3]";
        Assert.That(Rejection(() => verifier.Verify(notAnEvent, WebhookVerifier.Sign(Secret, "evt_1", Now, notAnEvent))), Is.EqualTo(WebhookVerificationFailureReason.MalformedPayload));
        var noId = """{"event":"run.created","timestamp":"2023-11-14T22:13:20Z","data":{}}""";
        Assert.That(Rejection(() => verifier.Verify(noId, WebhookVerifier.Sign(Secret, "evt_1", Now, noId))), Is.EqualTo(WebhookVerificationFailureReason.MalformedPayload));
    }

    [Test]
    public void Typed_accessors_read_the_data()
    {
        var payload = Payload(type: "form.submitted", data: """{"test":true,"webhook_id":"hook_1"}""");
        var evt = Verifier(Now).Verify(payload, WebhookVerifier.Sign(Secret, "evt_9", Now, payload));

        Assert.That(evt.Type, Is.EqualTo(WebhookEventType.FormSubmitted));
        Assert.That(evt.IsExecutionEvent, Is.False);
        Assert.Throws<InvalidOperationException>(() => evt.GetExecution());
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, TypeInfoResolver = WebhookTestJsonContext.Default };
        Assert.That(evt.As((System.Text.Json.Serialization.Metadata.JsonTypeInfo<TestEventData>)options.GetTypeInfo(typeof(TestEventData))), Is.EqualTo(new TestEventData(true, "hook_1")));
        Assert.That(WebhookEventType.Known, Has.Count.EqualTo(15));
        Assert.That(new WebhookEventType("something.new").Value, Is.EqualTo("something.new"));
    }

    // ---- properties (CsCheck, 10 000 cases each) ----

    private static readonly Gen<string> DataText = Gen.String[0, 200];

    private static string PayloadWith(string text) => Payload(data: JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text }));

    [Test]
    public void Any_change_to_the_body_is_rejected_by_both_schemes()
    {
        var verifier = Verifier(Now);
        Gen.Select(DataText, Gen.Int[0, int.MaxValue], Gen.Int[1, 255], Gen.Int[0, 2]).Sample((text, position, value, operation) =>
        {
            var body = Encoding.UTF8.GetBytes(PayloadWith(text));
            var headers = WebhookVerifier.Sign([Secret], "evt_1", Now, body);
            var index = position % body.Length;
            var changed = operation switch
            {
                0 => Flip(body, index, (byte)value),
                1 => [.. body[..index], (byte)value, .. body[index..]],
                _ => [.. body[..index], .. body[(index + 1)..]],
            };
            Rejection(() => verifier.Verify(changed, Only(headers, StandardNames)));
            Rejection(() => verifier.Verify(changed, Only(headers, WebhookVerifier.BotCadenceSignatureHeader)));
        }, iter: Cases);
    }

    [Test]
    public void Any_change_to_a_signature_is_rejected()
    {
        var verifier = Verifier(Now);
        var body = Encoding.UTF8.GetBytes(Payload());
        var signed = WebhookVerifier.Sign([Secret], "evt_1", Now, body);
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Char, Gen.Bool).Sample((position, replacement, standard) =>
        {
            var name = standard ? WebhookVerifier.WebhookSignatureHeader : WebhookVerifier.BotCadenceSignatureHeader;
            var headers = Only(signed, standard ? StandardNames : [WebhookVerifier.BotCadenceSignatureHeader]);
            var original = headers[name];
            var index = position % original.Length;
            if (original[index] == replacement)
            {
                replacement = original[index] == 'A' ? 'B' : 'A';
                index = original.Length - 2;
            }

            headers[name] = original[..index] + replacement + original[(index + 1)..];
            Rejection(() => verifier.Verify(body, headers));
        }, iter: Cases);
    }

    [Test]
    public void Any_change_to_the_id_or_the_timestamp_is_rejected()
    {
        var verifier = Verifier(Now);
        var body = Encoding.UTF8.GetBytes(Payload());
        var signed = Only(WebhookVerifier.Sign([Secret], "evt_1", Now, body), StandardNames);
        Gen.Select(Gen.String[1, 40], Gen.Long[-400, 400]).Sample((id, shift) =>
        {
            var headers = new Dictionary<string, string>(signed);
            if (id != "evt_1")
            {
                headers[WebhookVerifier.WebhookIdHeader] = id;
                Rejection(() => verifier.Verify(body, headers));
                headers[WebhookVerifier.WebhookIdHeader] = "evt_1";
            }

            if (shift != 0)
            {
                headers[WebhookVerifier.WebhookTimestampHeader] = (Now.ToUnixTimeSeconds() + shift).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Rejection(() => verifier.Verify(body, headers));
            }
        }, iter: Cases);
    }

    [Test]
    public void Random_headers_and_bodies_never_escape_as_another_exception_type()
    {
        var verifier = Verifier(Now);
        var validBody = Encoding.UTF8.GetBytes(Payload());
        var signed = WebhookVerifier.Sign([Secret], "evt_1", Now, validBody);
        var headerValue = Gen.OneOf(Gen.String[0, 120], Gen.String[Gen.Char["v1,=+/ abcdefABCDEF0123456789sha256.whsec_\0\u00e9"], 0, 120], Gen.Const(""));
        var names = Gen.OneOf(Gen.Const(WebhookVerifier.WebhookIdHeader), Gen.Const(WebhookVerifier.WebhookTimestampHeader),
            Gen.Const(WebhookVerifier.WebhookSignatureHeader), Gen.Const(WebhookVerifier.BotCadenceSignatureHeader), Gen.Const("WEBHOOK-SIGNATURE"), Gen.String[0, 20]);
        var header = Gen.Select(names, headerValue, (n, v) => new KeyValuePair<string, string>(n, v));
        var body = Gen.OneOf(Gen.Byte.Array[0, 300], Gen.Const(validBody), Gen.String[0, 200].Select(s => Encoding.UTF8.GetBytes(s)));
        Gen.Select(header.Array[0, 6], body, Gen.Bool).Sample((headers, bytes, keepValid) =>
        {
            IEnumerable<KeyValuePair<string, string>> all = keepValid ? [.. signed.Where(h => h.Key != WebhookVerifier.WebhookIdHeader), .. headers] : headers;
            try
            {
                verifier.Verify(bytes, all);
                verifier.Verify(bytes, all.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, [h.Value, h.Value])));
            }
            catch (WebhookVerificationException)
            {
            }
        }, iter: Cases);
    }

    private static byte[] Flip(byte[] body, int index, byte value)
    {
        var copy = (byte[])body.Clone();
        copy[index] ^= value;
        return copy;
    }
}
