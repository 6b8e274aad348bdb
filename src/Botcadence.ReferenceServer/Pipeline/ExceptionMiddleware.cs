using System.Text.Json;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>
/// Turns exceptions into error envelopes: <see cref="ApiException"/> as given, JSON errors as 400,
/// <see cref="BadHttpRequestException"/> with its own status, anything else as 500 INTERNAL_ERROR.
/// </summary>
internal sealed class ExceptionMiddleware(RequestDelegate next, ILogger<ExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Handles(context, ex))
        {
            await AnswerAsync(context, ex, logger).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True for what is answered here: any exception while the response has not started, and a cancellation because
    /// the client went away (answered with nothing).
    /// </summary>
    public static bool Handles(HttpContext context, Exception ex) =>
        IsClientGone(context, ex) || !context.Response.HasStarted;

    /// <summary>Writes the error envelope for <paramref name="ex"/> (nothing when the client went away).</summary>
    public static async Task AnswerAsync(HttpContext context, Exception ex, ILogger logger)
    {
        if (IsClientGone(context, ex))
        {
            return;
        }

        var error = Map(ex);
        if (error.Status >= 500)
        {
            Log.UnhandledException(logger, ex, context.Request.Method, context.Request.Path.Value ?? string.Empty);
        }

        if (error.Status == StatusCodes.Status413PayloadTooLarge)
        {
            await RequestBody.DrainAsync(context).ConfigureAwait(false);
        }

        await ErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
    }

    public static ApiError Map(Exception ex) => ex switch
    {
        ApiException api => api.Error,
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            new ApiError(StatusCodes.Status413PayloadTooLarge, ErrorCodes.InvalidRequest, "The request body is larger than 1 MiB."),
        BadHttpRequestException bad when bad.StatusCode < 500 =>
            new ApiError(bad.StatusCode, ErrorCodes.InvalidRequest, bad.Message),
        JsonException => ApiError.BadRequest("The request body is not valid JSON."),
        _ => new ApiError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An internal error occurred."),
    };

    private static bool IsClientGone(HttpContext context, Exception ex) =>
        ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested;
}
