using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Botcadence.Sdk;

/// <summary>
/// Checks the Standard Webhooks scheme: <c>webhook-id</c>, <c>webhook-timestamp</c> (within the tolerance) and
/// <c>webhook-signature</c> entries <c>v1,&lt;base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")&gt;</c>.
/// </summary>
internal static class StandardSignatureCheck
{
    private const int MaxIdLength = 256;

    /// <summary>Checks the three header values against the body; any well-formed entry matching any key passes.</summary>
    /// <exception cref="WebhookVerificationException">A header is malformed, the timestamp is outside the tolerance, or no entry matches.</exception>
    public static void Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> webhookId, ReadOnlySpan<char> webhookTimestamp, ReadOnlySpan<char> webhookSignature,
        byte[][] keys, long nowSeconds, long toleranceSeconds)
    {
        if (webhookId.IsEmpty || webhookId.Length > MaxIdLength || webhookId.ContainsAny('.', ' ') || webhookId.ContainsAnyInRange('\0', '\x1f'))
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookVerifier.WebhookIdHeader} must be 1 to {MaxIdLength} printable characters without '.' or spaces.");
        }

        var ts = webhookTimestamp.Trim();
        if (ts.IsEmpty || ts.Length > 18 || ts.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookVerifier.WebhookTimestampHeader} must be unix seconds.");
        }

        if (Math.Abs(nowSeconds - timestamp) > toleranceSeconds)
        {
            throw Fail(WebhookVerificationFailureReason.TimestampOutsideTolerance,
                $"{WebhookVerifier.WebhookTimestampHeader} {timestamp} is {Math.Abs(nowSeconds - timestamp)} s from now; the tolerance is {toleranceSeconds} s.");
        }

        var messageLength = Encoding.UTF8.GetByteCount(webhookId) + ts.Length + 2 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(messageLength);
        try
        {
            var message = rented.AsSpan(0, messageLength);
            var written = Encoding.UTF8.GetBytes(webhookId, message);
            message[written++] = (byte)'.';
            for (var i = 0; i < ts.Length; i++)
            {
                message[written++] = (byte)ts[i];
            }

            message[written++] = (byte)'.';
            body.CopyTo(message[written..]);
            CheckEntries(message, webhookSignature, keys);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void CheckEntries(ReadOnlySpan<byte> message, ReadOnlySpan<char> webhookSignature, byte[][] keys)
    {
        const int hashSize = WebhookSigner.HashSize;
        Span<byte> expected = stackalloc byte[hashSize * 4];
        Span<byte> actual = stackalloc byte[hashSize];
        Span<char> canonical = stackalloc char[64];
        var wellFormed = 0;
        var match = false;
        var rest = webhookSignature;
        while (!rest.IsEmpty)
        {
            var space = rest.IndexOf(' ');
            var entry = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            if (!entry.StartsWith(WebhookSigner.StandardPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Only the canonical encoding counts: base64 has spare bits in its last character, and a signature
            // altered there must not verify.
            var encoded = entry[WebhookSigner.StandardPrefix.Length..];
            if (!Convert.TryFromBase64Chars(encoded, expected, out var length) || length != hashSize
                || !Convert.TryToBase64Chars(expected[..hashSize], canonical, out var canonicalLength)
                || !encoded.SequenceEqual(canonical[..canonicalLength]))
            {
                continue;
            }

            wellFormed++;
            foreach (var key in keys)
            {
                HMACSHA256.HashData(key, message, actual);
                match |= CryptographicOperations.FixedTimeEquals(actual, expected[..hashSize]);
            }
        }

        if (wellFormed == 0)
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookVerifier.WebhookSignatureHeader} has no 'v1,<base64 of 32 bytes>' entry.");
        }

        if (!match)
        {
            throw Fail(WebhookVerificationFailureReason.NoMatchingSignature, $"{WebhookVerifier.WebhookSignatureHeader} matches none of the configured secrets.");
        }
    }

    private static WebhookVerificationException Fail(WebhookVerificationFailureReason reason, string message) => new(reason, message);
}
