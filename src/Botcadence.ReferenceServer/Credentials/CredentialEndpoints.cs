namespace Botcadence.ReferenceServer.Credentials;

/// <summary>/v1/credentials routes.</summary>
internal static class CredentialEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/credentials");
        group.MapGet("", List).RequireScope(Scopes.CredentialsRead);
        group.MapPost("", CreateAsync).RequireScope(Scopes.CredentialsWrite);
        group.MapGet("/{credentialId}", Get).RequireScope(Scopes.CredentialsRead);
        group.MapDelete("/{credentialId}", Delete).RequireScope(Scopes.CredentialsWrite);
    }

    private static IResult List(HttpContext context, CredentialStore store) =>
        Pagination.FilteredPage(context, store, "type", Credential.Types, c => c.Type, c => c.ToJson());

    private static async Task<IResult> CreateAsync(HttpContext context, CredentialStore store, ServerClock clock)
    {
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;

        // Validation messages name the field, never quote a value: the body holds a secret.
        var name = Fields.TryGet(body, "name", out var n) && n is not null ? Fields.String(n, "name", 1, 200) : throw Fields.Required("name");
        var type = Fields.TryGet(body, "type", out var t) && t is not null ? Fields.OneOf(t, "type", Credential.Types) : throw Fields.Required("type");
        var value = Fields.TryGet(body, "value", out var v) && v is not null ? Fields.String(v, "value", 1, 10_000) : throw Fields.Required("value");

        var credential = store.Add(new Credential(Ids.New("cred"), context.Caller().OrganizationId, store.NextSequence(), name, type, value, clock.UtcNow));
        return ApiResults.Created(credential.ToJson(), "/v1/credentials/" + credential.Id);
    }

    private static IResult Get(HttpContext context, string credentialId, CredentialStore store) =>
        ApiResults.Ok(store.Require(context.Caller().OrganizationId, credentialId).ToJson());

    private static IResult Delete(HttpContext context, string credentialId, CredentialStore store)
    {
        store.RequireDelete(context.Caller().OrganizationId, credentialId);
        return ApiResults.NoContent();
    }
}
