// botcadence-mcp: a Model Context Protocol server (stdio) over the BotCadence .NET SDK.
// Configuration comes from the environment only (BOTCADENCE_API_KEY, BOTCADENCE_BASE_URL), never from tool
// arguments; stdout carries the protocol, so every log line goes to stderr.
using Botcadence.Mcp;
using Microsoft.Extensions.Hosting;

var parsed = CommandLine.Parse(args);
if (parsed.Error is { } error)
{
    await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
    return 2;
}

if (parsed.ShowHelp)
{
    await Console.Error.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
    return 0;
}

if (parsed.ShowVersion)
{
    await Console.Error.WriteLineAsync(McpServerSetup.Version).ConfigureAwait(false);
    return 0;
}

var settings = ServerSettings.FromEnvironment(Environment.GetEnvironmentVariable, parsed.ReadOnly, out var settingsError);
if (settings is null)
{
    await Console.Error.WriteLineAsync(settingsError).ConfigureAwait(false);
    return 2;
}

using var host = McpServerSetup.BuildHost(settings);
await host.RunAsync().ConfigureAwait(false);
return 0;
