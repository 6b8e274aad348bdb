using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Botcadence.ReferenceServer;
using Botcadence.Sdk;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Botcadence.Mcp.Tests;

/// <summary>One reference server for the run; each test makes its own organization and keys.</summary>
[SetUpFixture]
public sealed class ServerFixture
{
    public static ReferenceServer.ReferenceServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        // Steps slow enough that execute_workflow sees an execution in flight and reports progress step by step.
        Server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { StepDuration = TimeSpan.FromMilliseconds(150) });

    [OneTimeTearDown]
    public async Task StopAsync() => await Server.DisposeAsync();

    /// <summary>A fresh organization with a key holding the given scopes (all when null), and an SDK client with a full-scope key.</summary>
    public static (BotCadenceClient Admin, OrganizationInfo Org, ApiKeyInfo Key) NewTenant(IEnumerable<string>? scopes = null)
    {
        var org = Server.CreateOrganization($"org-{Guid.NewGuid():N}");
        var key = Server.CreateApiKey(org.Id, scopes);
        var admin = Server.CreateApiKey(org.Id);
        return (new BotCadenceClient(new BotCadenceClientOptions { ApiKey = admin.Key, BaseAddress = Server.BaseAddress }), org, key);
    }
}

/// <summary><c>botcadence-mcp</c> started as a real process over stdio, driven by the MCP C# client.</summary>
public sealed class McpServerProcess : IAsyncDisposable
{
    private McpServerProcess(McpClient client, ConcurrentQueue<string> stderr)
    {
        Client = client;
        StandardError = stderr;
    }

    public McpClient Client { get; }

    /// <summary>Every line the server wrote to stderr (its log).</summary>
    public ConcurrentQueue<string> StandardError { get; }

    public static string ServerDll { get; } = FindServerDll();

    public static async Task<McpServerProcess> StartAsync(string apiKey, bool readOnly = false, Uri? baseAddress = null, string? logLevel = "Trace")
    {
        var stderr = new ConcurrentQueue<string>();
        var arguments = new List<string> { ServerDll };
        if (readOnly)
        {
            arguments.Add("--read-only");
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "botcadence-mcp",
            Command = "dotnet",
            Arguments = arguments,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["BOTCADENCE_API_KEY"] = apiKey,
                ["BOTCADENCE_BASE_URL"] = (baseAddress ?? ServerFixture.Server.BaseAddress).ToString(),
                // By default the most verbose log, so the "key never in any output" assertions cover every log line.
                ["BOTCADENCE_MCP_LOG_LEVEL"] = logLevel,
            },
            StandardErrorLines = stderr.Enqueue,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        return new McpServerProcess(client, stderr);
    }

    public async Task<CallToolResult> CallAsync(string tool, IReadOnlyDictionary<string, object?>? arguments = null, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await Client.CallToolAsync(tool, arguments ?? new Dictionary<string, object?>(), progress, cancellationToken: timeout.Token);
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();

    private static string FindServerDll()
    {
        var path = typeof(McpServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "McpServerDll").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"botcadence-mcp was not built at {path}.", path);
    }
}

public static class ToolResults
{
    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>The successful result's JSON (the text content mirrors the structured content).</summary>
    public static JsonElement Json(this CallToolResult result)
    {
        Assert.That(result.IsError, Is.Not.True, () => $"tool error: {result.Text()}");
        return JsonDocument.Parse(result.Text()).RootElement.Clone();
    }

    public static void AssertCleanError(this CallToolResult result, string apiKey)
    {
        Assert.That(result.IsError, Is.True, () => $"expected a tool error, got: {result.Text()}");
        var text = result.Text();
        Assert.That(text, Does.Not.Contain(apiKey), "the API key leaked into a tool result");
        Assert.That(text, Does.Not.Contain("   at "), "a stack trace leaked into a tool result");
        Assert.That(text, Does.Not.Contain("Exception"), "an exception type leaked into a tool result");
    }
}
