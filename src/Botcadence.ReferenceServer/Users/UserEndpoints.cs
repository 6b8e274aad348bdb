namespace Botcadence.ReferenceServer.Users;

/// <summary>/v1/users routes.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/users", List).RequireScope(Scopes.UsersRead);

    private static IResult List(HttpContext context, UserStore store) =>
        Pagination.FilteredPage(context, store, "role", User.Roles, u => u.Role, u => u.ToJson());
}
