using System.Security.Cryptography;
using System.Text;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Idempotency-Key handling for every mutating request (POST, PATCH, PUT, DELETE) under /v1 made by an authenticated
/// caller: the first response is stored and replayed to repeats with the same method, path and body; the same key with
/// a different method, path or body is 409.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        var caller = RequestIdMiddleware.State(context).Caller;
        if (!IsMutating(context.Request.Method) || caller is null
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || context.GetEndpoint()?.Metadata.GetMetadata<StreamedRequestBody>() is not null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var key = values.ToString();
        if (key.Length == 0 || key.Length > 255 || values.Count > 1)
        {
            await ErrorWriter.WriteAsync(context, ApiError.BadRequest("Idempotency-Key must be 1 to 255 characters.", Header)).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadBytesAsync(context).ConfigureAwait(false) ?? [];
        var fingerprint = Fingerprint(context, body);
        var org = caller.OrganizationId;
        var existing = store.TryBegin(org, key, fingerprint);
        if (existing is not null)
        {
            if (existing.Fingerprint != fingerprint)
            {
                await ErrorWriter.WriteAsync(context, ApiError.Conflict("This Idempotency-Key was already used with a different request (method, path or body).")).ConfigureAwait(false);
            }
            else if (existing.Response is not { } stored)
            {
                await ErrorWriter.WriteAsync(context, ApiError.Conflict("A request with this Idempotency-Key is still in progress.")).ConfigureAwait(false);
            }
            else
            {
                await ReplayAsync(context, stored).ConfigureAwait(false);
            }

            return;
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context).ConfigureAwait(false);
            var status = context.Response.StatusCode;
            var bytes = buffer.ToArray();
            if (status < 500)
            {
                store.Complete(org, key, new StoredResponse(status, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, bytes));
                completed = true;
            }

            context.Response.Body = originalBody;
            if (bytes.Length > 0 || !IsBodyless(status))
            {
                context.Response.ContentLength = bytes.Length;
                await originalBody.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            }
        }
        finally
        {
            context.Response.Body = originalBody;
            if (!completed)
            {
                store.Abandon(org, key);
            }
        }
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.Status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (stored.Location is not null)
        {
            context.Response.Headers.Location = stored.Location;
        }

        if (stored.ContentType is not null)
        {
            context.Response.ContentType = stored.ContentType;
        }

        if (stored.Body.Length > 0 || !IsBodyless(stored.Status))
        {
            context.Response.ContentLength = stored.Body.Length;
        }

        if (stored.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The methods whose first response is stored and replayed.</summary>
    public static bool IsMutating(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);

    private static bool IsBodyless(int status) => status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified;

    private static string Fingerprint(HttpContext context, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(context.Request.Method + " " + context.Request.Path + "\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
