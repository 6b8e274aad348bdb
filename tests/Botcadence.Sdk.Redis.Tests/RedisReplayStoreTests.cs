using Botcadence.Sdk.AspNetCore;
using StackExchange.Redis;

namespace Botcadence.Sdk.Redis.Tests;

/// <summary>The claim → complete semantics of <see cref="RedisWebhookReplayStore"/> on a real Redis.</summary>
[TestFixture]
public sealed class RedisReplayStoreTests
{
    private ConnectionMultiplexer _connection = null!;
    private RedisWebhookReplayStore _store = null!;

    [OneTimeSetUp]
    public async Task ConnectAsync()
    {
        _connection = await TestRedis.ConnectAsync();
        _store = new RedisWebhookReplayStore(_connection, $"botcadence:test:{Guid.NewGuid():N}:");
    }

    [OneTimeTearDown]
    public async Task DisconnectAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [Test]
    public async Task Concurrent_claims_of_one_event_from_many_connections_give_exactly_one_claim()
    {
        var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestRedis.ConnectAsync()));
        try
        {
            var prefix = $"botcadence:test:{Guid.NewGuid():N}:";
            var stores = others.Select(c => new RedisWebhookReplayStore(c, prefix)).ToArray();
            for (var round = 0; round < 20; round++)
            {
                var id = $"evt_race_{round}";
                var claims = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => stores[i % 3].TryClaimAsync(id, TimeSpan.FromSeconds(10), default).AsTask()));
                Assert.That(claims.Count(c => c.Status == WebhookClaimStatus.Claimed), Is.EqualTo(1), $"round {round}");
                Assert.That(claims.Count(c => c.Status == WebhookClaimStatus.InProgress), Is.EqualTo(29));
            }
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Claim_then_complete_makes_redeliveries_handled_and_release_lets_them_in()
    {
        var claim = await _store.TryClaimAsync("evt_1", TimeSpan.FromSeconds(10), default);
        Assert.That(claim.Status, Is.EqualTo(WebhookClaimStatus.Claimed));
        Assert.That((await _store.TryClaimAsync("evt_1", TimeSpan.FromSeconds(10), default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress));
        await _store.CompleteAsync("evt_1", claim.Token!, TimeSpan.FromMinutes(5), default);
        Assert.That((await _store.TryClaimAsync("evt_1", TimeSpan.FromSeconds(10), default)).Status, Is.EqualTo(WebhookClaimStatus.Handled));

        var failed = await _store.TryClaimAsync("evt_2", TimeSpan.FromSeconds(10), default);
        await _store.ReleaseAsync("evt_2", failed.Token!, default);
        Assert.That((await _store.TryClaimAsync("evt_2", TimeSpan.FromSeconds(10), default)).Status, Is.EqualTo(WebhookClaimStatus.Claimed));
    }

    [Test]
    public async Task A_crashed_claim_expires_after_its_lease_and_the_stale_owner_cannot_touch_the_new_claim()
    {
        var crashed = await _store.TryClaimAsync("evt_3", TimeSpan.FromMilliseconds(300), default);
        Assert.That((await _store.TryClaimAsync("evt_3", TimeSpan.FromSeconds(10), default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress));
        await Task.Delay(600);

        var next = await _store.TryClaimAsync("evt_3", TimeSpan.FromSeconds(10), default);
        Assert.That(next.Status, Is.EqualTo(WebhookClaimStatus.Claimed));
        Assert.That(await _store.RenewAsync("evt_3", crashed.Token!, TimeSpan.FromSeconds(10), default), Is.False);
        await _store.ReleaseAsync("evt_3", crashed.Token!, default);
        Assert.That((await _store.TryClaimAsync("evt_3", TimeSpan.FromSeconds(10), default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress));
        Assert.That(await _store.RenewAsync("evt_3", next.Token!, TimeSpan.FromSeconds(10), default), Is.True);
    }
}
