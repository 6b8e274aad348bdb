using Botcadence.ReferenceServer;

var options = new ReferenceServerOptions
{
    Url = "http://127.0.0.1:5080",
    DefaultApiKey = Environment.GetEnvironmentVariable("BOTCADENCE_REFERENCE_KEY") is { Length: > 0 } fixedKey ? fixedKey : null,
    MinimumLogLevel = LogLevel.Information,
};

for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--urls" && i + 1 < args.Length)
    {
        options.Url = args[++i].Split(';')[0];
    }
    else if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
    {
        options.Url = args[i]["--urls=".Length..].Split(';')[0];
    }
    else
    {
        await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: Botcadence.ReferenceServer [--urls http://127.0.0.1:5080]").ConfigureAwait(false);
        return 2;
    }
}

await using var server = await ReferenceServer.StartAsync(options).ConfigureAwait(false);
Console.WriteLine($"BotCadence reference server listening.");
Console.WriteLine($"Base URL: {server.BaseAddress}");
Console.WriteLine($"API key:  {server.ApiKey}");
Console.WriteLine($"API docs: {server.DocsAddress}  (interactive reference; the contract is at {server.ContractAddress})");
Console.WriteLine($"Session:  {server.CreateSessionToken(server.DefaultOrganization.Id)}  (for /v1/api-keys only)");
Console.WriteLine("Press Ctrl+C to stop.");
await server.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
