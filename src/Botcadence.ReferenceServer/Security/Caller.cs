using Botcadence.ReferenceServer.ApiKeys;
using Botcadence.ReferenceServer.Organizations;

namespace Botcadence.ReferenceServer.Security;

/// <summary>The authenticated caller of a request.</summary>
internal sealed record Caller(Organization Organization, ApiKey Key)
{
    public string OrganizationId => Organization.Id;
}

/// <summary>Accessors for handlers.</summary>
internal static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) =>
        RequestIdMiddleware.State(context).Caller ?? throw new InvalidOperationException("The endpoint requires an authenticated caller.");
}
