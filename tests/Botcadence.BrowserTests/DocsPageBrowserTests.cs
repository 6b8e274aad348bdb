using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using YamlDotNet.RepresentationModel;

namespace Botcadence.BrowserTests;

/// <summary>
/// Opens the reference server's <c>/docs</c> in headless Chromium (Debian's package, driven by Playwright) and checks
/// what a person sees: every tag of the contract, and a "try it" request answered 200.
/// </summary>
public sealed class DocsPageBrowserTests
{
    /// <summary>Debian's chromium; BOTCADENCE_CHROMIUM overrides it (e.g. to check that a missing browser fails in CI).</summary>
    private static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("BOTCADENCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Test]
    public async Task DocsPage_RendersEveryTagOfTheContract_AndATryItListWorkflowsRequestShows200()
    {
        RequireChromium();
        await using var server = await ReferenceServer.ReferenceServer.StartAsync();
        var key = server.CreateApiKey(server.DefaultOrganization.Id, ["workflows:read"], name: "browser test");
        var tags = await ReadTagsAsync(server);
        Assert.That(tags, Has.Count.GreaterThanOrEqualTo(10), "the contract's tags");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(60_000);

        // Everything the page needs must come from this server: any other request is recorded and refused.
        var offSite = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).IsLoopback)
            {
                await route.ContinueAsync();
            }
            else
            {
                offSite.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });

        var page = await context.NewPageAsync();
        var pageErrors = new ConcurrentQueue<string>();
        page.PageError += (_, error) => pageErrors.Enqueue(error);
        var navigation = await page.GotoAsync(server.DocsAddress.ToString());
        Assert.That(navigation?.Status, Is.EqualTo(200));

        foreach (var tag in tags)
        {
            await page.GetByText(tag, new PageGetByTextOptions { Exact = true }).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }

        Directory.CreateDirectory(RepositoryPaths.BrowserArtifacts);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.BrowserArtifacts, "docs.png") });
        TestContext.Out.WriteLine($"Rendered tags: {string.Join(", ", tags)}");

        // Try it: the bearer key in the page's authentication box, then List workflows → Test Request → Send.
        await page.GetByPlaceholder("Token").First.FillAsync(key.Key);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "List workflows" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new Regex("Test Request", RegexOptions.IgnoreCase) }).First.ClickAsync();
        var sent = page.WaitForResponseAsync(r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/v1/workflows");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = new Regex("^Send", RegexOptions.IgnoreCase) }).First.ClickAsync();
        var response = await sent;

        Assert.That(response.Status, Is.EqualTo(200), await response.TextAsync());
        Assert.That(await response.Request.HeaderValueAsync("authorization"), Is.EqualTo($"Bearer {key.Key}"));
        Assert.That(new Uri(response.Url).Authority, Is.EqualTo(server.RootAddress.Authority), "try it must call this server");
        Assert.That(await response.TextAsync(), Does.Contain("\"data\""));
        await page.GetByText("200 OK").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.BrowserArtifacts, "docs-try-it.png") });

        Assert.That(offSite, Is.Empty, "the page tried to load something from outside this server (a CDN?)");
        Assert.That(pageErrors, Is.Empty, "uncaught errors in the page");
    }

    /// <summary>The tag names of the contract the server embeds, read from what it serves at /openapi.yaml.</summary>
    private static async Task<List<string>> ReadTagsAsync(ReferenceServer.ReferenceServer server)
    {
        using var http = new HttpClient();
        var yaml = await http.GetStringAsync(server.ContractAddress);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var tags = (YamlSequenceNode)root.Children[new YamlScalarNode("tags")];
        return tags.Children.Cast<YamlMappingNode>().Select(t => ((YamlScalarNode)t.Children[new YamlScalarNode("name")]).Value!).ToList();
    }

    /// <summary>Without Chromium the test is inconclusive on a developer machine, and a failure in CI (which installs it).</summary>
    private static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var message = $"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }
}
