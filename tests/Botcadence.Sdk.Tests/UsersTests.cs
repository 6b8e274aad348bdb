namespace Botcadence.Sdk.Tests;

/// <summary>The Users operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UsersTests
{
    [Test]
    public async Task Members_page_across_three_pages_filter_by_role_and_resume()
    {
        var (client, org, _) = ServerFixture.NewTenant(["users:read"]);
        using var clientScope = client;
        var seeded = (await client.Users.ListAsync().ToListAsync()).Select(u => u.Id).ToList();
        var vera = ServerFixture.Server.AddUser(org.Id, "Vera Viewer", "vera@example.com", "viewer");
        var ann = ServerFixture.Server.AddUser(org.Id, "Ann Admin", "ann@example.com", "admin");

        await PagingAssert.ThreePagesAndResumeAsync(client.Users.ListAsync(), u => u.Id, [ann.Id, vera.Id, .. seeded]);
        var admins = await client.Users.ListAsync(new UserListOptions { Role = UserRole.Admin, PageSize = 1 }).ToListAsync();
        var viewers = await client.Users.ListAsync(new UserListOptions { Role = UserRole.Viewer }).ToListAsync();

        Assert.That(seeded, Has.Count.EqualTo(4));
        Assert.That(admins.Select(u => u.Email), Is.EqualTo(new[] { "ann@example.com", "adam@example.com" }));
        Assert.That(viewers.Single().Name, Is.EqualTo("Vera Viewer"));
        Assert.That(viewers.Single().Role, Is.EqualTo(UserRole.Viewer));
        Assert.That(viewers.Single().Id, Does.StartWith("usr_"));
    }

    [Test]
    public async Task AddUser_publishes_user_created()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var user = ServerFixture.Server.AddUser(org.Id, "New Person", "new@example.com");

        var evt = ServerFixture.Server.PublishedEvents(org.Id).Single(e => e.Type == "user.created");
        Assert.That(evt.Data["id"]!.GetValue<string>(), Is.EqualTo(user.Id));
        Assert.That(evt.Data["email"]!.GetValue<string>(), Is.EqualTo("new@example.com"));
        Assert.That((await client.Users.ListAsync().ToListAsync())[0].Id, Is.EqualTo(user.Id));
    }
}

/// <summary>Users operations for the matrix.</summary>
public sealed class UsersMatrix : IOperationMatrix
{
    public Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner) =>
        Task.FromResult<IReadOnlyList<OperationCase>>(
        [
            new("Users.List", "users:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Users.ListAsync())),
        ]);
}
