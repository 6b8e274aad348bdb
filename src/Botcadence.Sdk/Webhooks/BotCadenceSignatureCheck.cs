using System.Security.Cryptography;

namespace Botcadence.Sdk;

/// <summary>
/// Checks the BotCadence (seed) scheme, <c>X-BotCadence-Signature: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the body alone,
/// with no timestamp, so it cannot stop a replay (<see cref="WebhookVerifier"/> accepts it only when allowed).
/// </summary>
internal static class BotCadenceSignatureCheck
{
    /// <summary>Checks the header value (with or without <c>sha256=</c>) against the body in constant time; allocates nothing.</summary>
    /// <exception cref="WebhookVerificationException">The value is malformed or matches none of the keys.</exception>
    public static void Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature, byte[][] keys)
    {
        Span<byte> expected = stackalloc byte[WebhookSigner.HashSize];
        var value = signature.Trim();
        if (value.StartsWith(WebhookSigner.BotCadencePrefix, StringComparison.Ordinal))
        {
            value = value[WebhookSigner.BotCadencePrefix.Length..];
        }

        if (!TryDecodeHex(value, expected))
        {
            throw new WebhookVerificationException(WebhookVerificationFailureReason.MalformedHeader,
                $"{WebhookVerifier.BotCadenceSignatureHeader} must be 64 lower-case hex digits, optionally prefixed with '{WebhookSigner.BotCadencePrefix}'.");
        }

        Span<byte> actual = stackalloc byte[WebhookSigner.HashSize];
        var match = false;
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, body, actual);
            match |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        if (!match)
        {
            throw new WebhookVerificationException(WebhookVerificationFailureReason.NoMatchingSignature,
                $"{WebhookVerifier.BotCadenceSignatureHeader} matches none of the configured secrets.");
        }
    }

    /// <summary>Lower-case hex only, exactly <c>2 × destination.Length</c> digits.</summary>
    private static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
