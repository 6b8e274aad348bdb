using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class IntegrationTests : ServerFixture
{
    [Test]
    public async Task Every_organization_starts_with_three_integrations_one_failing()
    {
        var api = NewTenant();
        var list = await api.GetAsync("integrations");
        Assert.That(list.Code, Is.EqualTo(200), list.Raw);
        var items = list.Body["data"]!.AsArray();
        Assert.That(items.Select(i => Check.Str(i!["provider"])), Is.EquivalentTo(new[] { "slack", "gmail", "hubspot" }));
        Assert.That(list.Body["total"]!.GetValue<int>(), Is.EqualTo(3));

        var connected = await api.GetAsync("integrations?status=connected");
        Assert.That(connected.Body["total"]!.GetValue<int>(), Is.EqualTo(2));
        var hubspot = await api.GetAsync("integrations?provider=hubspot");
        var hubspotId = Check.Ids(hubspot.Body).Single();
        var slackId = Check.Ids((await api.GetAsync("integrations?provider=slack")).Body).Single();

        var ok = await api.PostAsync($"integrations/{slackId}/test");
        Assert.That(ok.Code, Is.EqualTo(200), ok.Raw);
        Assert.That(ok.Body["ok"]!.GetValue<bool>(), Is.True);
        Assert.That(ok.Body["latency_ms"]!.GetValue<int>(), Is.Positive);
        Assert.That(Check.Str(ok.Body["tested_at"]), Does.EndWith("Z"));

        var failed = await api.PostAsync($"integrations/{hubspotId}/test");
        Assert.That(failed.Body["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(Check.Str(failed.Body["message"]), Does.Contain("HubSpot"));

        var slack = await api.GetAsync("integrations/" + slackId);
        Assert.That(Check.Str(slack.Body["last_tested_at"]), Is.EqualTo(Check.Str(ok.Body["tested_at"])));
    }

    [Test]
    public async Task Unknown_ids_bad_filters_and_other_organizations()
    {
        var api = NewTenant();
        var id = Check.Ids((await api.GetAsync("integrations")).Body)[0];
        Check.Error(await api.GetAsync("integrations?status=broken"), 400, "INVALID_REQUEST", "status");
        Check.Error(await api.GetAsync("integrations/intg_missing"), 404, "NOT_FOUND");
        Check.Error(await NewTenant().GetAsync("integrations/" + id), 404, "NOT_FOUND");
        Check.Error(await NewTenant().PostAsync($"integrations/{id}/test"), 404, "NOT_FOUND");
        Check.Error(await NewTenant(["integrations:read"]).PostAsync($"integrations/{id}/test"), 403, "MISSING_SCOPE");
    }
}
