using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Users;

/// <summary>Members per organization; every organization starts with an owner, an admin and two members.</summary>
internal sealed class UserStore(ServerClock clock, EventBus events) : OrganizationScopedStore<User>("User")
{
    /// <summary>Adds a member and publishes <c>user.created</c>.</summary>
    public User Create(string organizationId, string name, string email, string role)
    {
        var user = Add(new User(Ids.New("usr"), organizationId, NextSequence(), name, email, role, clock.UtcNow));
        events.Publish(organizationId, EventTypes.UserCreated, user.ToJson());
        return user;
    }

    protected override IEnumerable<User> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        (string Name, string Email, string Role)[] seeds =
        [
            ("Olivia Owner", "olivia@example.com", "owner"),
            ("Adam Admin", "adam@example.com", "admin"),
            ("Mia Member", "mia@example.com", "member"),
            ("Max Member", "max@example.com", "member"),
        ];
        foreach (var (name, email, role) in seeds)
        {
            yield return new User(Ids.New("usr"), organizationId, NextSeedSequence(), name, email, role, now);
        }
    }
}
