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
#if NET9_0_OR_GREATER
            // Buffered in place: the content keeps its headers, and later reads come from memory.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers.NonValidated)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
#endif
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
}
