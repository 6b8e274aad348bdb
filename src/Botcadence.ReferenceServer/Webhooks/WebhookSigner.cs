using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>
/// Signs deliveries with both schemes (PRODUCT.md, "Webhook events and signatures"): the seed scheme
/// <c>X-BotCadence-Signature: sha256=&lt;hex HMAC(UTF-8 of the whole secret, body)&gt;</c>, and Standard Webhooks
/// (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,&lt;base64&gt;</c> keyed with the decoded secret).
/// </summary>
internal static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";
    public const string BotCadenceSignatureHeader = "X-BotCadence-Signature";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>True for <c>whsec_</c> + base64 of 24 to 64 bytes.</summary>
    public static bool IsValidSecret(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > SecretPrefix.Length + 100)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[80];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], buffer, out var written) && written is >= 24 and <= 64;
    }

    public static string BotCadenceSignature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string StandardSignature(string secret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var prefix = Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>The headers of one delivery attempt.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Headers(IReadOnlyList<string> secrets, string id, long timestamp, byte[] body) =>
    [
        new(BotCadenceSignatureHeader, BotCadenceSignature(secrets[0], body)),
        new(IdHeader, id),
        new(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)),
        new(SignatureHeader, string.Join(' ', secrets.Select(s => StandardSignature(s, id, timestamp, body)))),
    ];
}
