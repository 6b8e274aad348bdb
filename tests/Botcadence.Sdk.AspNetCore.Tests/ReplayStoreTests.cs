using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.AspNetCore.Tests;

/// <summary>Claim → complete semantics of the in-memory store, and how the endpoint answers each state.</summary>
[TestFixture]
public sealed class ReplayStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    [Test]
    public async Task A_claimed_id_is_in_progress_for_others_until_completed_then_handled()
    {
        var store = new InMemoryWebhookReplayStore(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var first = await store.TryClaimAsync("evt_a", Lease, default);
        Assert.That(first.Status, Is.EqualTo(WebhookClaimStatus.Claimed));
        Assert.That(first.Token, Is.Not.Null.And.Not.Empty);
        Assert.That((await store.TryClaimAsync("evt_a", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress));

        await store.CompleteAsync("evt_a", first.Token!, Retention, default);
        Assert.That((await store.TryClaimAsync("evt_a", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.Handled));
    }

    [Test]
    public async Task A_released_claim_lets_the_redelivery_claim_it()
    {
        var store = new InMemoryWebhookReplayStore(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var first = await store.TryClaimAsync("evt_b", Lease, default);
        await store.ReleaseAsync("evt_b", first.Token!, default);
        var second = await store.TryClaimAsync("evt_b", Lease, default);
        Assert.That(second.Status, Is.EqualTo(WebhookClaimStatus.Claimed));
        Assert.That(second.Token, Is.Not.EqualTo(first.Token));
    }

    [Test]
    public async Task An_expired_lease_is_claimable_and_the_old_owner_can_neither_renew_nor_release_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryWebhookReplayStore(clock);
        var crashed = await store.TryClaimAsync("evt_c", Lease, default);
        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.That((await store.TryClaimAsync("evt_c", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress), "inside the lease");
        clock.Advance(TimeSpan.FromSeconds(2));

        var next = await store.TryClaimAsync("evt_c", Lease, default);
        Assert.That(next.Status, Is.EqualTo(WebhookClaimStatus.Claimed), "after the lease (the first instance died)");
        Assert.That(await store.RenewAsync("evt_c", crashed.Token!, Lease, default), Is.False);
        await store.ReleaseAsync("evt_c", crashed.Token!, default);
        Assert.That((await store.TryClaimAsync("evt_c", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress), "the stale release left the new claim");
    }

    [Test]
    public async Task Renewing_keeps_a_slow_handlers_claim_past_the_first_lease()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryWebhookReplayStore(clock);
        var claim = await store.TryClaimAsync("evt_d", Lease, default);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(Lease / 2);
            Assert.That(await store.RenewAsync("evt_d", claim.Token!, Lease, default), Is.True);
        }

        Assert.That((await store.TryClaimAsync("evt_d", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.InProgress));
    }

    [Test]
    public async Task A_handled_id_is_forgotten_after_the_retention()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new InMemoryWebhookReplayStore(clock);
        var claim = await store.TryClaimAsync("evt_e", Lease, default);
        await store.CompleteAsync("evt_e", claim.Token!, TimeSpan.FromMinutes(1), default);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That((await store.TryClaimAsync("evt_e", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.Handled));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await store.TryClaimAsync("evt_e", Lease, default)).Status, Is.EqualTo(WebhookClaimStatus.Claimed));
    }

    [Test]
    public async Task A_redelivery_while_the_first_is_in_flight_is_409_with_retry_after_and_is_handled_once()
    {
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var receiver = await Receiver.StartAsync([secret], s => s.Configure<BotCadenceWebhookOptions>(o => o.ClaimLease = TimeSpan.FromSeconds(7)));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.BeforeHandle = async (_, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        using var http = new HttpClient();
        var first = SendAsync(http, receiver.Url, secret, "evt_inflight");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using (var second = await SendAsync(http, receiver.Url, secret, "evt_inflight"))
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(second.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("EVENT_IN_PROGRESS"));
        }

        release.SetResult();
        using (var firstResponse = await first)
        {
            Assert.That(firstResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var third = await SendAsync(http, receiver.Url, secret, "evt_inflight"))
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK), "handled: a later redelivery is dropped with 200");
        }

        Assert.That(receiver.Handled.Select(e => e.Id), Is.EqualTo(new[] { "evt_inflight" }));
    }

    [Test]
    public async Task A_store_that_fails_is_503_and_the_handler_is_not_called()
    {
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var receiver = await Receiver.StartAsync([secret], s => s.AddSingleton<IWebhookReplayStore>(new FailingStore()));
        using var http = new HttpClient();
        using var response = await SendAsync(http, receiver.Url, secret, "evt_down");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null);
        Assert.That(receiver.Handled, Is.Empty);
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri url, string secret, string eventId)
    {
        var body = "{\"id\":\"" + eventId + "\",\"event\":\"user.created\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in WebhookVerifier.Sign(secret, eventId, DateTimeOffset.UtcNow, body))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    private sealed class FailingStore : IWebhookReplayStore
    {
        public ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store down");

        public ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
