using System.Text;

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

        _botCadenceKeys = [.. list.Select(WebhookSigner.BotCadenceKey)];
        _standardKeys = [.. list.Select(WebhookSigner.StandardKey)];
        _toleranceSeconds = (long)Math.Min(options.Tolerance.TotalSeconds, int.MaxValue);
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _allowUntimestamped = options.AllowUntimestampedSignatures;
    }

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers, read by name (see <see cref="WebhookHeaders.FromLookup"/>).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(ReadOnlySpan<byte> body, WebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var found = ReadSignatureHeaders(headers);
        VerifySignatures(body, found);
        return WebhookEventReader.Read(body);
    }

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body (UTF-8 is what was signed).</param>
    /// <param name="headers">The request headers, read by name (see <see cref="WebhookHeaders.FromLookup"/>).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(string body, WebhookHeaders headers) =>
        Verify(Encoding.UTF8.GetBytes(body ?? string.Empty), headers);

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers (names are case-insensitive); <see cref="System.Net.Http.Headers.HttpHeaders"/> fits.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        Verify(body, WebhookHeaders.FromPairs(headers));

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body (UTF-8 is what was signed).</param>
    /// <param name="headers">The request headers (names are case-insensitive); <see cref="System.Net.Http.Headers.HttpHeaders"/> fits.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(string body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        Verify(body, WebhookHeaders.FromPairs(headers));

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers, one value each (names are case-insensitive), e.g. a <c>Dictionary&lt;string, string&gt;</c>.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(ReadOnlySpan<byte> body, IEnumerable<KeyValuePair<string, string>> headers) =>
        Verify(body, WebhookHeaders.FromPairs(headers));

    /// <summary>Verifies a delivery and reads its event.</summary>
    /// <param name="body">The raw request body (UTF-8 is what was signed).</param>
    /// <param name="headers">The request headers, one value each (names are case-insensitive).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="WebhookVerificationException">The delivery must not be trusted; see <see cref="WebhookVerificationException.Reason"/>.</exception>
    public WebhookEvent Verify(string body, IEnumerable<KeyValuePair<string, string>> headers) =>
        Verify(body, WebhookHeaders.FromPairs(headers));

    /// <summary>
    /// Checks only the BotCadence scheme's <c>X-BotCadence-Signature</c> (with or without <c>sha256=</c>) against the body,
    /// without reading the event. Allocates nothing.
    /// </summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">The header value.</param>
    /// <exception cref="WebhookVerificationException">The signature is malformed or matches none of the secrets.</exception>
    public void VerifySignature(ReadOnlySpan<byte> body, ReadOnlySpan<char> signature) =>
        BotCadenceSignatureCheck.Verify(body, signature, _botCadenceKeys);

    /// <summary>Checks only the Standard Webhooks signature and timestamp, without reading the event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="webhookId">The <c>webhook-id</c> header.</param>
    /// <param name="webhookTimestamp">The <c>webhook-timestamp</c> header (unix seconds).</param>
    /// <param name="webhookSignature">The <c>webhook-signature</c> header: space-separated <c>v1,&lt;base64&gt;</c> entries.</param>
    /// <exception cref="WebhookVerificationException">A header is malformed, the timestamp is outside the tolerance, or no signature matches.</exception>
    public void VerifySignature(ReadOnlySpan<byte> body, ReadOnlySpan<char> webhookId, ReadOnlySpan<char> webhookTimestamp, ReadOnlySpan<char> webhookSignature) =>
        StandardSignatureCheck.Verify(body, webhookId, webhookTimestamp, webhookSignature, _standardKeys, _timeProvider.GetUtcNow().ToUnixTimeSeconds(), _toleranceSeconds);

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
        return WebhookSigner.Sign([secret], webhookId, timestamp, Encoding.UTF8.GetBytes(body));
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
    public static IReadOnlyDictionary<string, string> Sign(IEnumerable<string> secrets, string webhookId, DateTimeOffset timestamp, ReadOnlySpan<byte> body) =>
        WebhookSigner.Sign(secrets, webhookId, timestamp, body);

    /// <summary>The BotCadence scheme's header value: <c>sha256=&lt;lower-case hex HMAC-SHA256(UTF-8 of the whole secret, body)&gt;</c>.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <param name="body">The exact body.</param>
    /// <returns>The <c>X-BotCadence-Signature</c> value.</returns>
    public static string SignBotCadence(string secret, ReadOnlySpan<byte> body) => WebhookSigner.SignBotCadence(secret, body);

    /// <summary>One Standard Webhooks signature entry: <c>v1,&lt;base64 HMAC-SHA256(decoded secret, "{id}.{timestamp}.{body}")&gt;</c>.</summary>
    /// <param name="secret">The signing secret (<c>whsec_</c> + base64).</param>
    /// <param name="webhookId">The message id.</param>
    /// <param name="timestamp">Unix seconds.</param>
    /// <param name="body">The exact body.</param>
    /// <returns>The entry for <c>webhook-signature</c>.</returns>
    public static string SignStandard(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body) =>
        WebhookSigner.SignStandard(secret, webhookId, timestamp, body);

    private static WebhookHeaders.SignatureHeaders ReadSignatureHeaders(WebhookHeaders headers)
    {
        try
        {
            return headers.ReadSignatureHeaders();
        }
        catch (WebhookVerificationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new WebhookVerificationException(WebhookVerificationFailureReason.MalformedHeader, "The request headers could not be read: " + ex.Message, ex);
        }
    }

    /// <summary>The Standard scheme when any of its headers was sent; else the untimestamped one, only when allowed.</summary>
    private void VerifySignatures(ReadOnlySpan<byte> body, WebhookHeaders.SignatureHeaders headers)
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
    }

    private static WebhookVerificationException Fail(WebhookVerificationFailureReason reason, string message, Exception? inner = null) =>
        new(reason, message, inner);
}
