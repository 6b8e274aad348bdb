using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Botcadence.Sdk;

/// <summary>
/// Signs webhook bodies with both schemes, exactly as the service does, and derives each scheme's key from a secret.
/// <see cref="WebhookVerifier"/>'s public <c>Sign…</c> methods and its checks use these.
/// </summary>
internal static class WebhookSigner
{
    /// <summary>The size of an HMAC-SHA256.</summary>
    public const int HashSize = 32;

    /// <summary>The BotCadence scheme's prefix of the hex signature.</summary>
    public const string BotCadencePrefix = "sha256=";

    /// <summary>The Standard Webhooks scheme's version prefix of one signature entry.</summary>
    public const string StandardPrefix = "v1,";

    /// <summary>The headers of both schemes: one <c>v1,…</c> entry per secret, <c>X-BotCadence-Signature</c> with the first.</summary>
    public static IReadOnlyDictionary<string, string> Sign(IEnumerable<string> secrets, string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        var list = secrets.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one secret is required.", nameof(secrets));
        }

        var seconds = timestamp.ToUnixTimeSeconds();
        var standard = new List<string>(list.Count);
        foreach (var secret in list)
        {
            standard.Add(SignStandard(secret, webhookId, seconds, body));
        }

        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookVerifier.BotCadenceSignatureHeader] = SignBotCadence(list[0], body),
            [WebhookVerifier.WebhookIdHeader] = webhookId,
            [WebhookVerifier.WebhookTimestampHeader] = seconds.ToString(CultureInfo.InvariantCulture),
            [WebhookVerifier.WebhookSignatureHeader] = string.Join(' ', standard),
        };
    }

    /// <summary><c>sha256=&lt;lower-case hex HMAC-SHA256(UTF-8 of the whole secret, body)&gt;</c>.</summary>
    public static string SignBotCadence(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> hash = stackalloc byte[HashSize];
        HMACSHA256.HashData(BotCadenceKey(secret), body, hash);
        return BotCadencePrefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary><c>v1,&lt;base64 HMAC-SHA256(decoded secret, "{id}.{timestamp}.{body}")&gt;</c>.</summary>
    public static string SignStandard(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        var prefix = Encoding.UTF8.GetBytes(webhookId + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return StandardPrefix + Convert.ToBase64String(HMACSHA256.HashData(StandardKey(secret), message));
    }

    /// <summary>The BotCadence scheme's key: the UTF-8 bytes of the whole secret.</summary>
    public static byte[] BotCadenceKey(string secret) => Encoding.UTF8.GetBytes(secret);

    /// <summary>The Standard Webhooks key: the base64-decoded part after <c>whsec_</c> (the UTF-8 bytes of the secret when it is not base64).</summary>
    public static byte[] StandardKey(string secret)
    {
        var encoded = secret.StartsWith(WebhookVerifier.SecretPrefix, StringComparison.Ordinal) ? secret[WebhookVerifier.SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(secret);
    }
}
