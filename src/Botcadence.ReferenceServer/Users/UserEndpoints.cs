namespace Botcadence.ReferenceServer.Users;

/// <summary>/v1/users routes.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/users", List).RequireScope(Scopes.UsersRead);

    private static IResult List(HttpContext context, UserStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var role = Query.OneOf(context, "role", User.Roles);
        var items = store.List(context.Caller().OrganizationId, u => role is null || u.Role == role);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, u => u.ToJson()));
    }
}
