namespace Botcadence.Sdk;

/// <summary>Why a webhook failed verification.</summary>
public enum WebhookVerificationFailureReason
{
    /// <summary>No signature headers, or only some of the Standard Webhooks headers (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).</summary>
    MissingHeader = 0,

    /// <summary>A signature header could not be read: not hex / base64, a bad timestamp, repeated where it must be single.</summary>
    MalformedHeader = 1,

    /// <summary>The headers were well formed but no signature matched the body with any configured secret.</summary>
    NoMatchingSignature = 2,

    /// <summary>The <c>webhook-timestamp</c> is further from now than the tolerance (either way): a replay or a wrong clock.</summary>
    TimestampOutsideTolerance = 3,

    /// <summary>The signature matched but the body is not a BotCadence event (<c>{"id","event","timestamp","data"}</c>).</summary>
    MalformedPayload = 4,

    /// <summary>
    /// Only the untimestamped <c>X-BotCadence-Signature</c> was sent, and
    /// <see cref="WebhookVerifierOptions.AllowUntimestampedSignatures"/> is off: without a signed timestamp a replay cannot be told apart.
    /// </summary>
    UntimestampedSignature = 5,
}

/// <summary>
/// The one exception <see cref="WebhookVerifier"/> throws when a request must not be trusted, whatever was wrong
/// with it; <see cref="Reason"/> says what. Answer such a request with 400 and do not process it.
/// </summary>
public sealed class WebhookVerificationException : BotCadenceException
{
    /// <summary>Creates the exception.</summary>
    public WebhookVerificationException()
        : this(WebhookVerificationFailureReason.NoMatchingSignature, "The webhook could not be verified.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public WebhookVerificationException(string message)
        : this(WebhookVerificationFailureReason.NoMatchingSignature, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public WebhookVerificationException(string message, Exception? innerException)
        : this(WebhookVerificationFailureReason.NoMatchingSignature, message, innerException)
    {
    }

    /// <summary>Creates the exception with a reason, a message and an optional cause.</summary>
    /// <param name="reason">Why verification failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause.</param>
    public WebhookVerificationException(WebhookVerificationFailureReason reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>Why verification failed.</summary>
    public WebhookVerificationFailureReason Reason { get; }
}
