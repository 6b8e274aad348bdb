using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class RateLimitTests
{
    private static readonly HttpClient Http = new();

    [Test]
    public async Task Free_plan_gets_429_after_60_and_resets_after_the_window()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 10, TimeSpan.Zero));
        await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = time });
        var org = server.CreateOrganization("Free org", "free");
        var api = new Api(Http, server.BaseAddress, server.CreateApiKey(org.Id).Key);
        var expectedReset = new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        for (var i = 1; i <= 60; i++)
        {
            var ok = await api.GetAsync("workflows");
            Assert.That(ok.Code, Is.EqualTo(200), ok.Raw);
            Assert.That(ok.Header("X-RateLimit-Limit"), Is.EqualTo("60"));
            Assert.That(ok.Header("X-RateLimit-Remaining"), Is.EqualTo((60 - i).ToString(CultureInfo.InvariantCulture)));
            Assert.That(ok.Header("X-RateLimit-Reset"), Is.EqualTo(expectedReset));
        }

        var limited = await api.GetAsync("workflows");
        Check.Error(limited, 429, "RATE_LIMITED");
        Assert.That(limited.Header("Retry-After"), Is.EqualTo("50"));
        Assert.That(limited.Header("X-RateLimit-Remaining"), Is.EqualTo("0"));

        time.Advance(TimeSpan.FromSeconds(49));
        Check.Error(await api.GetAsync("workflows"), 429, "RATE_LIMITED");

        time.Advance(TimeSpan.FromSeconds(1));
        var again = await api.GetAsync("workflows");
        Assert.That(again.Code, Is.EqualTo(200), again.Raw);
        Assert.That(again.Header("X-RateLimit-Remaining"), Is.EqualTo("59"));

        // The default (enterprise) organization has its own bucket and the configured limit.
        var enterprise = await new Api(Http, server.BaseAddress, server.ApiKey).GetAsync("workflows");
        Assert.That(enterprise.Header("X-RateLimit-Limit"), Is.EqualTo("6000"));
    }

    [Test]
    public async Task The_window_is_configurable_and_the_headers_follow_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 11, TimeSpan.Zero));
        await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = time, RateLimitWindow = TimeSpan.FromSeconds(4) });
        var org = server.CreateOrganization("Short window org", "free", rateLimitPerMinute: 3);
        var api = new Api(Http, server.BaseAddress, server.CreateApiKey(org.Id).Key);
        var expectedReset = new DateTimeOffset(2026, 1, 1, 0, 0, 12, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        for (var i = 1; i <= 3; i++)
        {
            var ok = await api.GetAsync("workflows");
            Assert.That(ok.Code, Is.EqualTo(200), ok.Raw);
            Assert.That(ok.Header("X-RateLimit-Limit"), Is.EqualTo("3"));
            Assert.That(ok.Header("X-RateLimit-Remaining"), Is.EqualTo((3 - i).ToString(CultureInfo.InvariantCulture)));
            Assert.That(ok.Header("X-RateLimit-Reset"), Is.EqualTo(expectedReset), "windows are aligned to multiples of 4 s");
        }

        var limited = await api.GetAsync("workflows");
        Check.Error(limited, 429, "RATE_LIMITED");
        Assert.That(limited.Header("Retry-After"), Is.EqualTo("1"));

        time.Advance(TimeSpan.FromSeconds(1));
        var again = await api.GetAsync("workflows");
        Assert.That(again.Code, Is.EqualTo(200), again.Raw);
        Assert.That(again.Header("X-RateLimit-Remaining"), Is.EqualTo("2"));
        Assert.That(again.Header("X-RateLimit-Reset"), Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 16, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_window_that_is_not_whole_seconds_is_refused_at_start()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await ReferenceServer.StartAsync(new ReferenceServerOptions { RateLimitWindow = TimeSpan.FromMilliseconds(1500) }));
    }

    [Test]
    public async Task Headers_are_on_success_and_every_kind_of_error()
    {
        await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions { EnterpriseRateLimitPerMinute = 1234 });
        var api = new Api(Http, server.BaseAddress, server.ApiKey);
        var ok = await api.GetAsync("workflows");
        Assert.That(ok.Header("X-RateLimit-Limit"), Is.EqualTo("1234"));
        Assert.That(ok.Header("X-RateLimit-Remaining"), Is.EqualTo("1233"));
        Assert.That(long.Parse(ok.Header("X-RateLimit-Reset")!, CultureInfo.InvariantCulture), Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1));

        Check.Error(await api.GetAsync("workflows/wf_missing"), 404, "NOT_FOUND");
        Check.Error(await api.PostAsync("workflows", "{"), 400, "INVALID_REQUEST");
        Check.Error(await api.PostAsync("workflows", "{}"), 400, "INVALID_REQUEST", "name");
        Check.Error(await api.PostAsync("workflows", """{"name":""}"""), 422, "VALIDATION_ERROR", "name");
        Check.Error(await api.PutAsync("executions", "{}"), 405, "INVALID_REQUEST");

        // Unauthenticated requests are limited per IP at the free-plan limit.
        var anonymous = await api.WithKey(null).GetAsync("workflows");
        Check.Error(anonymous, 401, "UNAUTHORIZED");
        Assert.That(anonymous.Header("X-RateLimit-Limit"), Is.EqualTo("60"));
    }

    [Test]
    public async Task Organization_override_sets_the_limit()
    {
        await using var server = await ReferenceServer.StartAsync();
        var org = server.CreateOrganization("Tiny", "enterprise", rateLimitPerMinute: 2);
        var api = new Api(Http, server.BaseAddress, server.CreateApiKey(org.Id).Key);
        Assert.That((await api.GetAsync("workflows")).Code, Is.EqualTo(200));
        Assert.That((await api.GetAsync("workflows")).Code, Is.EqualTo(200));
        var limited = await api.GetAsync("workflows");
        Check.Error(limited, 429, "RATE_LIMITED");
        Assert.That(int.Parse(limited.Header("Retry-After")!, CultureInfo.InvariantCulture), Is.InRange(1, 60));
    }
}
