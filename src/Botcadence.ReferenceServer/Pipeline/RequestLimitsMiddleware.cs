using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Checks that Kestrel would otherwise make before the application runs, made here instead so the answer carries the
/// error envelope, <c>X-Request-Id</c> and the rate-limit headers: request targets over 8 KiB (414), bodies over 1 MiB
/// on any route (413) and header values with bytes outside printable ASCII (400). Kestrel keeps its own, larger limits as a backstop (see
/// <see cref="ConfigureKestrel"/>); what it still rejects by itself is documented in docs/openapi.yaml.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    /// <summary>The longest request target (path and query) the API accepts.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>What Kestrel itself allows, so that targets between the two limits get the envelope.</summary>
    public const int KestrelMaxRequestLine = 64 * 1024;

    /// <summary>Raises Kestrel's request-line limit and decodes header bytes as Latin-1 so that this middleware sees them.</summary>
    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = KestrelMaxRequestLine;
        kestrel.RequestHeaderEncodingSelector = static _ => Encoding.Latin1;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > MaxTargetLength)
        {
            return ErrorWriter.WriteAsync(context, new ApiError(
                StatusCodes.Status414UriTooLong,
                ErrorCodes.InvalidRequest,
                $"The request URL is longer than {MaxTargetLength} characters."));
        }

        // A body over the limit is answered 413 here for every route, also for those that never read a body: left to
        // Kestrel, such a body would be cut off after the response and the client would see a broken connection.
        if (context.Request.ContentLength > RequestBody.MaxBytes
            && context.GetEndpoint()?.Metadata.GetMetadata<StreamedRequestBody>() is null)
        {
            throw new ApiException(new ApiError(StatusCodes.Status413PayloadTooLarge, ErrorCodes.InvalidRequest, "The request body is larger than 1 MiB."));
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Any(c => c > '~' || (c < ' ' && c != '\t')))
                {
                    return ErrorWriter.WriteAsync(context, ApiError.BadRequest(
                        $"The value of header '{name}' holds bytes outside printable ASCII; send header values as ASCII.",
                        name));
                }
            }
        }

        return next(context);
    }
}
