using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Errors;

/// <summary>The one place that writes error envelopes.</summary>
internal static class ErrorWriter
{
    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        var body = new JsonObject
        {
            ["code"] = error.Code,
            ["message"] = error.Message,
        };
        if (error.Details is not null)
        {
            body["details"] = error.Details.DeepClone();
        }

        if (error.Field is not null)
        {
            body["field"] = error.Field;
        }

        if (error.RequiredScope is not null)
        {
            body["required_scope"] = error.RequiredScope;
        }

        body["request_id"] = RequestIdMiddleware.Get(context);
        var envelope = new JsonObject { ["error"] = body };

        context.Response.StatusCode = error.Status;
        context.Response.Headers.ContentLength = null;
        await JsonResponse.WriteAsync(context, envelope, error.Status).ConfigureAwait(false);
    }
}
