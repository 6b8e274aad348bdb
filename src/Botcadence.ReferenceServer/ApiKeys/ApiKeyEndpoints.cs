namespace Botcadence.ReferenceServer.ApiKeys;

/// <summary>/v1/api-keys routes: session tokens only (an API key cannot manage API keys).</summary>
internal static class ApiKeyEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/api-keys");
        group.MapGet("", List).RequireSession();
        group.MapPost("", CreateAsync).RequireSession();
        group.MapDelete("/{keyId}", Revoke).RequireSession();
    }

    private static IResult List(HttpContext context, ApiKeyStore keys)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var items = keys.ListActive(context.Caller().OrganizationId);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, k => k.ToJson(includePlainKey: false)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ApiKeyStore keys, ServerClock clock)
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

        var mode = Fields.TryGet(body, "resource_mode", out var r) && r is not null ? Fields.OneOf(r, "resource_mode", ApiKey.ResourceModes) : "ALL";
        var key = keys.Create(context.Caller().OrganizationId, scopes, expiresAt, name, resourceMode: mode);
        return ApiResults.Created(key.ToJson(includePlainKey: true), "/v1/api-keys/" + key.Id);
    }

    private static IResult Revoke(HttpContext context, string keyId, ApiKeyStore keys)
    {
        var key = keys.Get(context.Caller().OrganizationId, keyId);
        if (key is null || key.RevokedAt is not null)
        {
            throw ApiException.NotFound("API key", keyId);
        }

        keys.Revoke(keyId);
        return ApiResults.NoContent();
    }
}
