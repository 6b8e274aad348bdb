using System.Net;
using System.Text.RegularExpressions;

namespace Botcadence.BrowserTests;

/// <summary>The API reference routes over plain HTTP: no key needed, the contract is the repository's file, the assets are local.</summary>
public sealed class ApiReferenceHttpTests
{
    private static ReferenceServer.ReferenceServer _server = null!;
    private static HttpClient _http = null!;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _server = await ReferenceServer.ReferenceServer.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.RootAddress };
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task OpenApiYaml_ServesTheRepositorysContract_ByteForByte_WithoutAKey()
    {
        using var response = await _http.GetAsync("openapi.yaml");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/yaml"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(await File.ReadAllBytesAsync(RepositoryPaths.Contract)),
            "the embedded contract differs from docs/openapi.yaml");
        Assert.That(response.Headers.Contains("X-Request-Id"), Is.True);
    }

    [Test]
    public async Task Docs_RedirectsToTheSlashedPath_AndServesAPageThatLoadsOnlyLocalAssets_TargetingThisServer()
    {
        using var redirect = await _http.GetAsync("docs");
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(new Uri(new Uri(_server.RootAddress, "docs"), redirect.Headers.Location!), Is.EqualTo(_server.DocsAddress));

        using var page = await _http.GetAsync(_server.DocsAddress);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await page.Content.ReadAsStringAsync();
        var scripts = Regex.Matches(html, "<script[^>]*src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(scripts, Is.EquivalentTo(new[] { "scalar.js", "scalar.aspnetcore.js" }), "scripts must come from this server, not a CDN");
        Assert.That(html, Does.Contain($"\"url\":\"{_server.RootAddress}v1\""), "try-it requests must target this server");
        Assert.That(html, Does.Contain("\"url\":\"openapi.yaml\""));
        Assert.That(html, Does.Contain("\"withDefaultFonts\":false").And.Contain("\"telemetry\":false"));

        using var script = await _http.GetAsync(new Uri(_server.DocsAddress, "scalar.js"));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That((await script.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(100_000), "the bundled Scalar script");
    }

    [Test]
    public async Task TheApiStillNeedsAKey_NextToTheOpenDocs()
    {
        using var response = await _http.GetAsync("v1/workflows");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
