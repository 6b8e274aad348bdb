using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;

namespace Botcadence.Sdk;

/// <summary>The <c>Idempotency-Key</c> header.</summary>
internal static class IdempotencyKeyHeader
{
    internal const string Name = "Idempotency-Key";
}

/// <summary>
/// Outside the retry, once per logical call: gives every mutating request (POST, PATCH, PUT, DELETE) its
/// <c>Idempotency-Key</c> (the caller's <see cref="RequestOptions.IdempotencyKey"/>, else a new one) and adds the caller's
/// extra headers. Both go on the request message itself, so every attempt carries them, including a resend that
/// <see cref="SocketsHttpHandler"/> makes on its own after a connection failure.
/// </summary>
internal sealed class CallHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallContext.TryGet(request, out var call);
        if (CallContext.IsMutating(request.Method))
        {
            if (request.Headers.NonValidated.TryGetValues(IdempotencyKeyHeader.Name, out var existing))
            {
                if (call is not null)
                {
                    call.IdempotencyKey ??= existing.FirstOrDefault();
                }
            }
            else
            {
                var key = call?.IdempotencyKey ?? Guid.NewGuid().ToString("D");
                if (call is not null)
                {
                    call.IdempotencyKey = key;
                }

                request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, key);
            }
        }

        if (call?.Options is { Headers.Count: > 0 } options)
        {
            foreach (var (name, value) in options.Headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Inside the retry, once per attempt (innermost, just above the transport): counts the attempt and reads the body of
/// every response the caller does not stream into memory, so a body cut off or reset mid-way fails THIS attempt
/// (as an <see cref="HttpRequestException"/>, which the retry treats like any network failure) instead of failing later
/// outside the retry. Streamed downloads (<see cref="CallContext.StreamResponse"/>) are left unread.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    private const string ContentLengthHeader = "Content-Length";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallContext.TryGet(request, out var call);
        call?.OnAttempt();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (call is { StreamResponse: true } && response.IsSuccessStatusCode)
        {
            return response;
        }

        try
        {
            var buffered = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            CopyContentHeaders(response.Content.Headers, buffered.Headers);
            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new HttpRequestException($"The response body was cut off after the headers ({(int)response.StatusCode}): {ex.Message}", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The content headers the buffered body keeps, as they came (not parsed). <c>Content-Length</c> is left out: the
    /// buffered content knows its own length (it is what was read, which a transport that sent more than it declared
    /// makes the truthful figure).
    /// </summary>
    private static void CopyContentHeaders(HttpContentHeaders from, HttpContentHeaders to)
    {
        foreach (var (name, values) in from.NonValidated)
        {
            if (string.Equals(name, ContentLengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // One value (nearly always) as a string: no enumerable boxed per header.
            _ = values.Count == 1 ? to.TryAddWithoutValidation(name, values.ToString()) : to.TryAddWithoutValidation(name, values);
        }
    }

    /// <summary>
    /// The declared body length: the <c>Content-Length</c> header as it came when there is one (parsing it through
    /// <see cref="HttpContentHeaders.ContentLength"/> would store a parsed copy), else what the content computes.
    /// </summary>
    private static long? DeclaredLength(HttpContent content) =>
        content.Headers.NonValidated.TryGetValues(ContentLengthHeader, out var values) && values.Count == 1 &&
        long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : content.Headers.ContentLength;

    /// <summary>
    /// The body, read once into a pooled array when its length is known (no intermediate buffer, no second copy; the array
    /// goes back to the pool when the response is disposed); otherwise through
    /// <see cref="HttpContent.ReadAsByteArrayAsync(CancellationToken)"/>. A body that ends before its <c>Content-Length</c>
    /// is an <see cref="IOException"/> (the connection's own stream throws one too).
    /// </summary>
    private static async ValueTask<BufferedContent> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (DeclaredLength(content) is not { } declared || declared > 16 * 1024 * 1024)
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new BufferedContent(bytes, bytes.Length, pooled: false);
        }

        var length = (int)declared;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = length == 0 ? [] : ArrayPool<byte>.Shared.Rent(length);
            var handedOver = false;
            try
            {
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(read, length - read), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new IOException($"The response body ended after {read} of its {length} bytes.");
                    }

                    read += n;
                }

                var extra = await ReadBeyondAsync(stream, cancellationToken).ConfigureAwait(false);
                if (extra is null)
                {
                    handedOver = length > 0;
                    return new BufferedContent(buffer, length, pooled: length > 0);
                }

                // A transport that sent more than it declared: keep all of it, as ReadAsByteArrayAsync would.
                var all = new byte[length + extra.Length];
                buffer.AsSpan(0, length).CopyTo(all);
                extra.CopyTo(all.AsSpan(length));
                return new BufferedContent(all, all.Length, pooled: false);
            }
            finally
            {
                if (!handedOver && buffer.Length > 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>Whatever the stream still has after the declared length (normally nothing: null).</summary>
    private static async Task<byte[]?> ReadBeyondAsync(Stream stream, CancellationToken cancellationToken)
    {
        var probe = ArrayPool<byte>.Shared.Rent(1);
        try
        {
            var more = await stream.ReadAsync(probe.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            if (more == 0)
            {
                return null;
            }

            using var rest = new MemoryStream();
            rest.WriteByte(probe[0]);
            await stream.CopyToAsync(rest, cancellationToken).ConfigureAwait(false);
            return rest.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(probe);
        }
    }
}

/// <summary>
/// A response body the attempt handler read into memory; <see cref="ClientCore"/> deserializes straight from it. A pooled
/// array goes back to the pool when the content is disposed (with the response, once the call has read its result);
/// reading a disposed content throws <see cref="ObjectDisposedException"/>, as for any <see cref="HttpContent"/>.
/// </summary>
internal sealed class BufferedContent : ByteArrayContent
{
    private readonly byte[] _array;
    private readonly int _length;
    private byte[]? _pooled;
    private int _disposed;

    public BufferedContent(byte[] array, int length, bool pooled)
        : base(array, 0, length)
    {
        _array = array;
        _length = length;
        _pooled = pooled ? array : null;
    }

    /// <summary>The body's length in bytes (readable after the content is disposed).</summary>
    public int Length => _length;

    /// <summary>The body; only while the content is not disposed.</summary>
    public ReadOnlySpan<byte> Body
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _array.AsSpan(0, _length);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && Interlocked.Exchange(ref _pooled, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        base.Dispose(disposing);
    }
}
