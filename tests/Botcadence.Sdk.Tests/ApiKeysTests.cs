namespace Botcadence.Sdk.Tests;

/// <summary>Every ApiKeys operation: with a session token it works, with an API key it is 403 FORBIDDEN.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ApiKeysTests
{
    private static (BotCadenceClient Session, BotCadenceClient Key, string OrganizationId) Tenant()
    {
        var (key, org, _) = ServerFixture.NewTenant();
        var session = ServerFixture.ClientFor(ServerFixture.Server.CreateSessionToken(org.Id));
        return (session, key, org.Id);
    }

    [Test]
    public async Task Lifecycle_create_with_a_session_use_the_key_revoke_it()
    {
        var (session, owner, _) = Tenant();
        using var sessionScope = session;
        using var ownerScope = owner;

        var created = await session.ApiKeys.CreateAsync(new ApiKeyCreateOptions
        {
            Name = "ERP Sync Integration",
            Scopes = ["users:read", "credentials:read"],
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(30),
            ResourceMode = ApiKeyResourceMode.All,
        });
        var listed = await session.ApiKeys.ListAsync().ToListAsync();

        Assert.That(created.Id, Does.StartWith("key_"));
        Assert.That(created.PlainKey, Does.StartWith("sk_"));
        Assert.That(created.KeyPrefix, Does.EndWith(created.PlainKey![^4..]));
        Assert.That(created.Scopes, Is.EqualTo(new[] { "users:read", "credentials:read" }));
        Assert.That(created.ResourceMode, Is.EqualTo(ApiKeyResourceMode.All));
        Assert.That(created.ExpiresAt, Is.Not.Null);
        Assert.That(created.ToString(), Does.Not.Contain(created.PlainKey));
        var fromList = listed.Single(k => k.Id == created.Id);
        Assert.That(fromList.PlainKey, Is.Null, "the plain key is shown only once");
        Assert.That(fromList.Name, Is.EqualTo("ERP Sync Integration"));

        using (var newKey = ServerFixture.ClientFor(created.PlainKey))
        {
            Assert.That(await newKey.Users.ListAsync().ToListAsync(), Is.Not.Empty);
            var lacking = await Assert.ThrowsAsync<BotCadencePermissionException>(async () => await OperationMatrixTests.FirstPageAsync(newKey.Agents.ListAsync()));
            Assert.That(lacking!.RequiredScope, Is.EqualTo("agents:read"));

            await session.ApiKeys.RevokeAsync(created.Id);

            var revoked = await Assert.ThrowsAsync<BotCadenceAuthenticationException>(async () => await newKey.Users.ListAsync().ToListAsync());
            Assert.That(revoked!.Code, Is.EqualTo(ErrorCode.KeyRevoked));
        }

        Assert.That((await session.ApiKeys.ListAsync().ToListAsync()).Select(k => k.Id), Does.Not.Contain(created.Id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await session.ApiKeys.RevokeAsync(created.Id));
    }

    [Test]
    public async Task Every_operation_with_an_api_key_is_403_forbidden()
    {
        var (session, key, _) = Tenant();
        using var sessionScope = session;
        using var keyScope = key;
        var existing = (await session.ApiKeys.ListAsync().ToListAsync())[0].Id;

        var calls = new Func<Task>[]
        {
            () => OperationMatrixTests.FirstPageAsync(key.ApiKeys.ListAsync()),
            () => key.ApiKeys.CreateAsync(new ApiKeyCreateOptions { Name = "x", Scopes = ["users:read"] }),
            () => key.ApiKeys.RevokeAsync(existing),
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<BotCadencePermissionException>(async () => await call());
            Assert.That(ex!.Code, Is.EqualTo(ErrorCode.Forbidden));
        }

        Assert.That(await session.ApiKeys.ListAsync().ToListAsync(), Has.Count.EqualTo(1), "nothing was created or revoked");
    }

    [Test]
    public async Task Validation_unknown_scope_is_422_unprocessable_naming_it()
    {
        var (session, key, _) = Tenant();
        using var sessionScope = session;
        using var keyScope = key;

        var unknown = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await session.ApiKeys.CreateAsync(new ApiKeyCreateOptions { Name = "x", Scopes = ["users:read", "everything"] }));
        var past = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await session.ApiKeys.CreateAsync(new ApiKeyCreateOptions { Name = "x", Scopes = ["users:read"], ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) }));
        var noScopes = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await session.ApiKeys.CreateAsync(new ApiKeyCreateOptions { Name = "x" }));

        Assert.That(unknown!.Code, Is.EqualTo(ErrorCode.Unprocessable));
        Assert.That(unknown.Field, Is.EqualTo("scopes[1]"));
        Assert.That(past!.Field, Is.EqualTo("expires_at"));
        Assert.That(noScopes!.Field, Is.EqualTo("scopes"));
    }

    [Test]
    public async Task Keys_page_across_three_pages_and_another_organization_gets_404()
    {
        var (session, key, orgId) = Tenant();
        using var sessionScope = session;
        using var keyScope = key;
        var ids = (await session.ApiKeys.ListAsync().ToListAsync()).Select(k => k.Id).ToList();
        for (var i = 0; i < 4; i++)
        {
            ids.Insert(0, (await session.ApiKeys.CreateAsync(new ApiKeyCreateOptions { Name = $"k{i}", Scopes = ["users:read"] })).Id);
        }

        await PagingAssert.ThreePagesAndResumeAsync(session.ApiKeys.ListAsync(), k => k.Id, ids);

        var (otherKey, otherOrg, _) = ServerFixture.NewTenant();
        otherKey.Dispose();
        using var stranger = ServerFixture.ClientFor(ServerFixture.Server.CreateSessionToken(otherOrg.Id));
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await stranger.ApiKeys.RevokeAsync(ids[0]));
        Assert.That(orgId, Is.Not.EqualTo(otherOrg.Id));
    }
}
