namespace Botcadence.ReferenceServer.Organizations;

/// <summary>Organizations (tenants). Thread-safe.</summary>
internal sealed class OrganizationStore(ServerClock clock)
{
    public const string DefaultOrganizationId = "org_default";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Organization> _organizations = new(StringComparer.Ordinal);

    public Organization CreateOrganization(string name, string plan, int? rateLimitPerMinute, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(plan);
        if (!Plans.All.Contains(plan))
        {
            throw new ArgumentException($"Unknown plan '{plan}'. Known plans: {string.Join(", ", Plans.All)}.", nameof(plan));
        }

        if (rateLimitPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rateLimitPerMinute), "The rate limit must be positive.");
        }

        var org = new Organization(id ?? Ids.New("org"), name, plan, rateLimitPerMinute, clock.UtcNow);
        lock (_gate)
        {
            if (!_organizations.TryAdd(org.Id, org))
            {
                throw new InvalidOperationException($"Organization {org.Id} already exists.");
            }
        }

        return org;
    }

    public Organization? Get(string organizationId)
    {
        lock (_gate)
        {
            return _organizations.GetValueOrDefault(organizationId);
        }
    }
}
