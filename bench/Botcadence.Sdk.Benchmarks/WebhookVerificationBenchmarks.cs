using System.Text;
using BenchmarkDotNet.Attributes;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// Verifying a 1 KiB delivery. <c>SeedSchemeSignature</c> is the hot path of the BotCadence scheme
/// (<c>X-BotCadence-Signature</c>): HMAC into a stack buffer, hex decoded without allocating, constant-time compare;
/// target 0 bytes allocated. The others show the Standard Webhooks check and the full <c>Verify</c> (headers + event parsing).
/// </summary>
[MemoryDiagnoser]
public class WebhookVerificationBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private byte[] _body = null!;
    private string _seedSignature = null!;
    private string _id = null!;
    private string _timestamp = null!;
    private string _standardSignature = null!;
    private Dictionary<string, string> _standardHeaders = null!;
    private WebhookVerifier _verifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string prefix = """{"id":"evt_0a1b2c3d4e5f6071","event":"run.completed","timestamp":"2026-04-10T16:05:00.000Z","data":{"note":" """;
        const string suffix = "\"}}";
        _body = Encoding.UTF8.GetBytes(prefix.TrimEnd() + new string('x', 1024 - prefix.TrimEnd().Length - suffix.Length) + suffix);
        var now = DateTimeOffset.UtcNow;
        var headers = WebhookVerifier.Sign([Secret], "evt_0a1b2c3d4e5f6071", now, _body);
        _seedSignature = headers[WebhookVerifier.BotCadenceSignatureHeader];
        _id = headers[WebhookVerifier.WebhookIdHeader];
        _timestamp = headers[WebhookVerifier.WebhookTimestampHeader];
        _standardSignature = headers[WebhookVerifier.WebhookSignatureHeader];
        _standardHeaders = new Dictionary<string, string>
        {
            [WebhookVerifier.WebhookIdHeader] = _id,
            [WebhookVerifier.WebhookTimestampHeader] = _timestamp,
            [WebhookVerifier.WebhookSignatureHeader] = _standardSignature,
        };
        _verifier = new WebhookVerifier(Secret, new WebhookVerifierOptions { Tolerance = TimeSpan.FromDays(1) });
        if (_body.Length != 1024)
        {
            throw new InvalidOperationException("The payload must be 1 KiB.");
        }
    }

    [Benchmark(Baseline = true, Description = "Seed scheme: X-BotCadence-Signature (1 KiB)")]
    public void SeedSchemeSignature() => _verifier.VerifySignature(_body, _seedSignature);

    [Benchmark(Description = "Standard Webhooks: webhook-signature (1 KiB)")]
    public void StandardSignature() => _verifier.VerifySignature(_body, _id, _timestamp, _standardSignature);

    [Benchmark(Description = "Full Verify: standard headers + event parsing (1 KiB)")]
    public WebhookEvent FullVerify() => _verifier.Verify(_body, _standardHeaders);
}
