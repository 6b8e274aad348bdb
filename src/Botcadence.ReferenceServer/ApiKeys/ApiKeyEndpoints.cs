using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Organizations;

namespace Botcadence.ReferenceServer.ApiKeys;

/// <summary>/v1/api-keys routes: session tokens only (an API key cannot manage API keys).</summary>
internal static class ApiKeyEndpoints
{
    public static readonly IReadOnlyList<string> ResourceModes = ["ALL", "SELECTED"];

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/api-keys");
        group.MapGet("", List).RequireSession();
        group.MapPost("", CreateAsync).RequireSession();
        group.MapDelete("/{keyId}", Revoke).RequireSession();
    }

    /// <summary>The wire shape; the plain key only on creation.</summary>
    public static JsonObject ToJson(ApiKeyRecord key, bool includePlainKey)
    {
        var json = new JsonObject
        {
            ["id"] = key.Id,
            ["name"] = key.Name,
        };
        if (includePlainKey)
        {
            json["plain_key"] = key.Key;
        }

        json["key_prefix"] = key.Key[..Math.Min(8, key.Key.Length)] + "..." + key.Key[^4..];
        json["scopes"] = new JsonArray([.. key.Scopes.Select(s => (JsonNode)s)]);
        json["resource_mode"] = key.ResourceMode;
        json["expires_at"] = JsonResponse.Time(key.ExpiresAt);
        json["created_at"] = JsonResponse.Time(key.CreatedAt);
        return json;
    }

    private static IResult List(HttpContext context, OrganizationStore organizations)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var items = organizations.ListActiveKeys(context.Caller().OrganizationId);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, k => ToJson(k, includePlainKey: false)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OrganizationStore organizations, ServerClock clock)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var name = Fields.TryGet(body, "name", out var n) && n is not null ? Fields.String(n, "name", 1, 200) : throw Fields.Required("name");
        var array = Fields.TryGet(body, "scopes", out var s) && s is not null ? Fields.Array(s, "scopes") : throw Fields.Required("scopes");
        if (array.Count == 0)
        {
            throw Fields.Invalid("scopes", "'scopes' must hold at least one scope.");
        }

        var scopes = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var scope = Fields.String(array[i], $"scopes[{i}]", 1);
            if (!Scopes.IsKnown(scope))
            {
                throw new ApiException(new ApiError(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Unprocessable, $"'scopes[{i}]' is not a known scope.")
                {
                    Field = $"scopes[{i}]",
                });
            }

            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }
        }

        DateTimeOffset? expiresAt = null;
        if (Fields.TryGet(body, "expires_at", out var e) && e is not null)
        {
            var text = Fields.String(e, "expires_at");
            if (!Query.TryParseDate(text, out var parsed))
            {
                throw Fields.Invalid("expires_at", "'expires_at' must be an ISO-8601 date-time.");
            }

            if (parsed <= clock.UtcNow)
            {
                throw Fields.Invalid("expires_at", "'expires_at' must be in the future.");
            }

            expiresAt = parsed;
        }

        var mode = Fields.TryGet(body, "resource_mode", out var r) && r is not null ? Fields.OneOf(r, "resource_mode", ResourceModes) : "ALL";
        var key = organizations.CreateApiKey(context.Caller().OrganizationId, scopes, expiresAt, name, resourceMode: mode);
        return ApiResults.Created(ToJson(key, includePlainKey: true), "/v1/api-keys/" + key.Id);
    }

    private static IResult Revoke(HttpContext context, string keyId, OrganizationStore organizations)
    {
        var key = organizations.GetKey(context.Caller().OrganizationId, keyId);
        if (key is null || key.RevokedAt is not null)
        {
            throw ApiException.NotFound("API key", keyId);
        }

        organizations.Revoke(keyId);
        return ApiResults.NoContent();
    }
}
