using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Botcadence.Sdk;

/// <summary>
/// Verifies the signatures of webhook deliveries and reads the event. Build one from your subscription's secret(s)
/// (several during a rotation) and share it: it is thread-safe. Pass the RAW request body, byte for byte: JSON that was
/// parsed and serialized again no longer matches the signature.
/// </summary>
/// <remarks>
/// The Standard Webhooks scheme is required by default: <c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature: v1,&lt;base64&gt; …</c>, checked including the timestamp tolerance. The seed scheme
/// <c>X-BotCadence-Signature: sha256=&lt;hex&gt;</c> (the prefix optional) carries no timestamp, so it cannot stop a
/// replayed delivery; it is accepted only when the Standard headers are absent AND
/// <see cref="WebhookVerifierOptions.AllowUntimestampedSignatures"/> is set. Signatures are compared in constant
/// time; any matching signature with any configured secret is accepted. Every failure is a
/// <see cref="WebhookVerificationException"/>.
/// </remarks>
public sealed class WebhookVerifier
{
    /// <summary>The header of the BotCadence (seed) scheme: <c>sha256=&lt;lower-case hex HMAC-SHA256(secret, body)&gt;</c>.</summary>
    public const string BotCadenceSignatureHeader = "X-BotCadence-Signature";

    /// <summary>The Standard Webhooks message id header (the event id).</summary>
    public const string WebhookIdHeader = "webhook-id";

    /// <summary>The Standard Webhooks timestamp header (unix seconds).</summary>
    public const string WebhookTimestampHeader = "webhook-timestamp";

    /// <summary>The Standard Webhooks signature header: space-separated <c>v1,&lt;base64&gt;</c> entries.</summary>
    public const string WebhookSignatureHeader = "webhook-signature";

    /// <summary>The prefix of BotCadence signing secrets.</summary>
    public const string SecretPrefix = "whsec_";

    private const int HashSize = 32;
    private const int MaxIdLength = 256;

    private readonly byte[][] _botCadenceKeys;
    private readonly byte[][] _standardKeys;
    private readonly long _toleranceSeconds;
    private readonly TimeProvider _timeProvider;
    private readonly bool _allowUntimestamped;

    /// <summary>Creates a verifier for one secret with the default options.</summary>
    /// <param name="secret">The subscription's signing secret (<c>whsec_…</c>).</param>
    public WebhookVerifier(string secret)
        : this([secret], null)
    {
    }

    /// <summary>Creates a verifier for one secret.</summary>
    /// <param name="secret">The subscription's signing secret (<c>whsec_…</c>).</param>
    /// <param name="options">Tolerance and clock; defaults when null.</param>
    public WebhookVerifier(string secret, WebhookVerifierOptions? options)
        : this([secret], options)
    {
    }

    /// <summary>Creates a verifier that accepts a signature made with any of the secrets (e.g. the old and the new one during a rotation).</summary>
    /// <param name="secrets">One or more signing secrets.</param>
    /// <param name="options">Tolerance and clock; defaults when null.</param>
    public WebhookVerifier(IEnumerable<string> secrets, WebhookVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var list = secrets.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one secret is required.", nameof(secrets));
        }

        foreach (var secret in list)
        {
            ArgumentException.ThrowIfNullOrEmpty(secret, nameof(secrets));
        }

        options ??= new WebhookVerifierOptions();
        if (options.Tolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "The tolerance must not be negative.");
        }

        _botCadenceKeys = [.. list.Select(s => Encoding.UTF8.GetBytes(s))];
        _standardKeys = [.. list.Select(StandardKey)];
        _toleranceSeconds = (long)Math.Min(options.Tolerance.TotalSeconds, int.MaxValue);
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _allowUntimestamped = options.AllowUntimestampedSignatures;
    }

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names are case-insensitive); <see cref="System.Net.Http.Headers.HttpHeaders"/> fits.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var found = Guard(() => SignatureHeaders.From(headers), WebhookVerificationFailureReason.MalformedHeader);
        return VerifyCore(body, found);
    }

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body (UTF-8 is what was signed).</param>
    /// <param name="headers">The request headers (names are case-insensitive); <see cref="System.Net.Http.Headers.HttpHeaders"/> fits.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(string body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        Verify(Encoding.UTF8.GetBytes(body ?? string.Empty), headers);

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers, one value each (names are case-insensitive), e.g. a <c>Dictionary&lt;string, string&gt;</c>.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var found = Guard(() => SignatureHeaders.From(headers), WebhookVerificationFailureReason.MalformedHeader);
        return VerifyCore(body, found);
    }

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body (UTF-8 is what was signed).</param>
    /// <param name="headers">The request headers, one value each (names are case-insensitive).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(string body, IEnumerable<KeyValuePair<string, string>> headers) =>
        Verify(Encoding.UTF8.GetBytes(body ?? string.Empty), headers);

    /// <summary>
    /// Checks only the BotCadence scheme's <c>X-BotCadence-Signature</c> (with or without <c>sha256=</c>) against the body,
    /// without reading the event. Allocates nothing.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">The header value.</param>
    /// <exception cref="WebhookVerificationException">The signature is malformed or matches none of the secrets.</exception>
    public void VerifySignature(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var value = signature.Trim();
        if (value.StartsWith("sha256=", StringComparison.Ordinal))
        {
            value = value["sha256=".Length..];
        }

        if (!TryDecodeHex(value, expected))
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{BotCadenceSignatureHeader} must be 64 lower-case hex digits, optionally prefixed with 'sha256='.");
        }

        Span<byte> actual = stackalloc byte[HashSize];
        var match = false;
        foreach (var key in _botCadenceKeys)
        {
            HMACSHA256.HashData(key, body, actual);
            match |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        if (!match)
        {
            throw Fail(WebhookVerificationFailureReason.NoMatchingSignature, $"{BotCadenceSignatureHeader} matches none of the configured secrets.");
        }
    }

    /// <summary>Checks only the Standard Webhooks signature and timestamp, without reading the event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
    /// <exception cref="WebhookVerificationException">A header is malformed, the timestamp is outside the tolerance, or no signature matches.</exception>
    public void VerifySignature(ReadOnlySpan<byte> body, ReadOnlySpan<char> webhookId, ReadOnlySpan<char> webhookTimestamp, ReadOnlySpan<char> webhookSignature)
    {
        if (webhookId.IsEmpty || webhookId.Length > MaxIdLength || webhookId.ContainsAny('.', ' ') || webhookId.ContainsAnyInRange('\0', '\x1f'))
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookIdHeader} must be 1 to {MaxIdLength} printable characters without '.' or spaces.");
        }

        var ts = webhookTimestamp.Trim();
        if (ts.IsEmpty || ts.Length > 18 || ts.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookTimestampHeader} must be unix seconds.");
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > _toleranceSeconds)
        {
            throw Fail(WebhookVerificationFailureReason.TimestampOutsideTolerance,
                $"{WebhookTimestampHeader} {timestamp} is {Math.Abs(now - timestamp)} s from now; the tolerance is {_toleranceSeconds} s.");
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

            Span<byte> expected = stackalloc byte[HashSize * 4];
            Span<byte> actual = stackalloc byte[HashSize];
            Span<char> canonical = stackalloc char[64];
            var wellFormed = 0;
            var match = false;
            var rest = webhookSignature;
            while (!rest.IsEmpty)
            {
                var space = rest.IndexOf(' ');
                var entry = space < 0 ? rest : rest[..space];
                rest = space < 0 ? [] : rest[(space + 1)..];
                if (!entry.StartsWith("v1,", StringComparison.Ordinal))
                {
                    continue;
                }

                // Only the canonical encoding counts: base64 has spare bits in its last character, and a signature
                // altered there must not verify.
                if (!Convert.TryFromBase64Chars(entry[3..], expected, out var length) || length != HashSize
                    || !Convert.TryToBase64Chars(expected[..HashSize], canonical, out var canonicalLength)
                    || !entry[3..].SequenceEqual(canonical[..canonicalLength]))
                {
                    continue;
                }

                wellFormed++;
                foreach (var key in _standardKeys)
                {
                    HMACSHA256.HashData(key, message, actual);
                    match |= CryptographicOperations.FixedTimeEquals(actual, expected[..HashSize]);
                }
            }

            if (wellFormed == 0)
            {
                throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"{WebhookSignatureHeader} has no 'v1,<base64 of 32 bytes>' entry.");
            }

            if (!match)
            {
                throw Fail(WebhookVerificationFailureReason.NoMatchingSignature, $"{WebhookSignatureHeader} matches none of the configured secrets.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Signs a body with both schemes, exactly as the service does: for building signed test requests. The result holds
    /// <c>X-BotCadence-Signature</c>, <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c>.
    /// </summary>
    /// <param name="secret">The signing secret (<c>whsec_…</c>).</param>
    /// <param name="webhookId">The message id (the event id, <c>evt_…</c>).</param>
    /// <param name="timestamp">The signing time.</param>
    /// <param name="body">The exact body to send.</param>
    /// <returns>The headers to send with the body (case-insensitive names).</returns>
    public static IReadOnlyDictionary<string, string> Sign(string secret, string webhookId, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign([secret], webhookId, timestamp, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Signs a body with both schemes for one or more secrets (as during a rotation: one <c>v1,…</c> entry per secret,
    /// <c>X-BotCadence-Signature</c> with the first).
    /// </summary>
    /// <param name="secrets">The signing secrets, newest first.</param>
    /// <param name="webhookId">The message id (the event id, <c>evt_…</c>).</param>
    /// <param name="timestamp">The signing time.</param>
    /// <param name="body">The exact body to send.</param>
    /// <returns>The headers to send with the body (case-insensitive names).</returns>
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
            [BotCadenceSignatureHeader] = SignBotCadence(list[0], body),
            [WebhookIdHeader] = webhookId,
            [WebhookTimestampHeader] = seconds.ToString(CultureInfo.InvariantCulture),
            [WebhookSignatureHeader] = string.Join(' ', standard),
        };
    }

    /// <summary>The BotCadence scheme's header value: <c>sha256=&lt;lower-case hex HMAC-SHA256(UTF-8 of the whole secret, body)&gt;</c>.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <param name="body">The exact body.</param>
    /// <returns>The <c>X-BotCadence-Signature</c> value.</returns>
    public static string SignBotCadence(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> hash = stackalloc byte[HashSize];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return "sha256=" + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>One Standard Webhooks signature entry: <c>v1,&lt;base64 HMAC-SHA256(decoded secret, "{id}.{timestamp}.{body}")&gt;</c>.</summary>
    /// <param name="secret">The signing secret (<c>whsec_</c> + base64).</param>
    /// <param name="webhookId">The message id.</param>
    /// <param name="timestamp">Unix seconds.</param>
    /// <param name="body">The exact body.</param>
    /// <returns>The entry for <c>webhook-signature</c>.</returns>
    public static string SignStandard(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        var prefix = Encoding.UTF8.GetBytes(webhookId + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(StandardKey(secret), message));
    }

    /// <summary>The Standard Webhooks key: the base64-decoded part after <c>whsec_</c> (the UTF-8 bytes of the secret when it is not base64).</summary>
    private static byte[] StandardKey(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(secret);
    }

    private WebhookEvent VerifyCore(ReadOnlySpan<byte> body, SignatureHeaders headers)
    {
        try
        {
            if (headers.HasStandard)
            {
                if (headers.Id is null || headers.Timestamp is null || headers.Signature is null)
                {
                    var missing = headers.Id is null ? WebhookIdHeader : headers.Timestamp is null ? WebhookTimestampHeader : WebhookSignatureHeader;
                    throw Fail(WebhookVerificationFailureReason.MissingHeader, $"The Standard Webhooks header '{missing}' is missing.");
                }

                VerifySignature(body, headers.Id, headers.Timestamp, headers.Signature);
            }
            else if (headers.BotCadence is not null)
            {
                if (!_allowUntimestamped)
                {
                    throw Fail(WebhookVerificationFailureReason.UntimestampedSignature,
                        $"Only '{BotCadenceSignatureHeader}' was sent; it has no timestamp and cannot stop a replay. Expected '{WebhookIdHeader}', " +
                        $"'{WebhookTimestampHeader}' and '{WebhookSignatureHeader}' (or set AllowUntimestampedSignatures to accept it).");
                }

                VerifySignature(body, headers.BotCadence);
            }
            else
            {
                throw Fail(WebhookVerificationFailureReason.MissingHeader,
                    $"No signature: expected '{WebhookIdHeader}', '{WebhookTimestampHeader}' and '{WebhookSignatureHeader}', or '{BotCadenceSignatureHeader}'.");
            }
        }
        catch (WebhookVerificationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Fail(WebhookVerificationFailureReason.MalformedHeader, "The signature headers could not be read: " + ex.Message, ex);
        }

        return ReadEvent(body);
    }

    private static WebhookEvent ReadEvent(ReadOnlySpan<byte> body)
    {
        try
        {
            var raw = Encoding.UTF8.GetString(body);
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail(WebhookVerificationFailureReason.MalformedPayload, "The payload is not a JSON object.");
            }

            var id = RequiredString(root, "id");
            var type = RequiredString(root, "event");
            if (!DateTimeOffset.TryParse(RequiredString(root, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            {
                throw Fail(WebhookVerificationFailureReason.MalformedPayload, "The payload's 'timestamp' is not an ISO-8601 time.");
            }

            JsonElement data;
            if (root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.Object)
                {
                    throw Fail(WebhookVerificationFailureReason.MalformedPayload, "The payload's 'data' is not an object.");
                }

                data = d.Clone();
            }
            else
            {
                using var empty = JsonDocument.Parse("{}");
                data = empty.RootElement.Clone();
            }

            return new WebhookEvent(id, new WebhookEventType(type), timestamp, data, raw);
        }
        catch (WebhookVerificationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Fail(WebhookVerificationFailureReason.MalformedPayload, "The payload is not a BotCadence event: " + ex.Message, ex);
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Fail(WebhookVerificationFailureReason.MalformedPayload, $"The payload's '{name}' is missing or not a non-empty string.");

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

    private static T Guard<T>(Func<T> read, WebhookVerificationFailureReason reason)
    {
        try
        {
            return read();
        }
        catch (WebhookVerificationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Fail(reason, "The request headers could not be read: " + ex.Message, ex);
        }
    }

    private static WebhookVerificationException Fail(WebhookVerificationFailureReason reason, string message, Exception? inner = null) =>
        new(reason, message, inner);

    /// <summary>The signature headers found among the request headers.</summary>
    private sealed class SignatureHeaders
    {
        public string? Id { get; private set; }
        public string? Timestamp { get; private set; }
        public string? Signature { get; private set; }
        public string? BotCadence { get; private set; }
        public bool HasStandard => Id is not null || Timestamp is not null || Signature is not null;

        public static SignatureHeaders From(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers)
        {
            var found = new SignatureHeaders();
            if (headers is null)
            {
                return found;
            }

            foreach (var (name, values) in headers)
            {
                if (values is null)
                {
                    continue;
                }

                foreach (var value in values)
                {
                    found.Add(name, value);
                }
            }

            return found;
        }

        public static SignatureHeaders From(IEnumerable<KeyValuePair<string, string>>? headers)
        {
            var found = new SignatureHeaders();
            if (headers is null)
            {
                return found;
            }

            foreach (var (name, value) in headers)
            {
                found.Add(name, value);
            }

            return found;
        }

        private void Add(string? name, string? value)
        {
            if (name is null || value is null)
            {
                return;
            }

            if (name.Equals(WebhookIdHeader, StringComparison.OrdinalIgnoreCase))
            {
                Id = Single(Id, value, WebhookIdHeader);
            }
            else if (name.Equals(WebhookTimestampHeader, StringComparison.OrdinalIgnoreCase))
            {
                Timestamp = Single(Timestamp, value, WebhookTimestampHeader);
            }
            else if (name.Equals(WebhookSignatureHeader, StringComparison.OrdinalIgnoreCase))
            {
                // Several header lines are one space-separated list.
                Signature = Signature is null ? value : Signature + " " + value;
            }
            else if (name.Equals(BotCadenceSignatureHeader, StringComparison.OrdinalIgnoreCase))
            {
                BotCadence = Single(BotCadence, value, BotCadenceSignatureHeader);
            }
        }

        private static string Single(string? existing, string value, string name) =>
            existing is null
                ? value
                : throw Fail(WebhookVerificationFailureReason.MalformedHeader, $"The header '{name}' must be sent once.");
    }
}
