using System.Reflection;
using Botcadence.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Botcadence.Mcp;

/// <summary>Composes the MCP server: the SDK client, the tools, the filters and the stdio transport.</summary>
internal static class McpServerSetup
{
    public const string ServerName = "botcadence-mcp";

    public static string Version { get; } =
        typeof(McpServerSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The names of the tools that change data: hidden and refused with <c>--read-only</c>.</summary>
    public static IReadOnlySet<string> WriteToolNames { get; } = ToolNames(typeof(WriteTools));

    /// <summary>The names of the tools that only read.</summary>
    public static IReadOnlySet<string> ReadToolNames { get; } = ToolNames(typeof(ReadTools));

    public static IHost BuildHost(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // No default configuration sources: the tool reads nothing from the working directory or the command line.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout is the protocol
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        // The MCP SDK logs every failed tool call with its exception's stack trace at Error; a failed call is an expected
        // outcome here (reported to the assistant, and logged by ToolCallFilter in one line), so its trace shows at Debug only.
        builder.Logging.AddFilter("ModelContextProtocol.Server", settings.LogLevel <= LogLevel.Debug ? settings.LogLevel : LogLevel.Critical);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IBotCadenceClient>(sp => new BotCadenceClient(
            new BotCadenceClientOptions { ApiKey = settings.ApiKey, BaseAddress = settings.BaseAddress, ApplicationId = ServerName },
            transport: null,
            sp.GetRequiredService<ILoggerFactory>()));

        var mcp = builder.Services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = ServerName, Title = "BotCadence", Version = Version };
                options.ServerInstructions = settings.ReadOnly
                    ? "BotCadence workflow automation, read-only: list and inspect workflows, executions, runs, forms and webhooks. " +
                      "This server was started with --read-only; tools that change data are not available."
                    : "BotCadence workflow automation: list, inspect and execute workflows (execute_workflow waits for the result), " +
                      "launch template runs and complete or skip their tasks, submit forms, inspect webhooks and their deliveries. " +
                      "Write tools are annotated readOnlyHint=false; confirm with the user before calling them.";
            })
            .WithStdioServerTransport()
            .WithTools([typeof(ReadTools)])
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolCallFilter.Create(settings)));
        if (!settings.ReadOnly)
        {
            mcp.WithTools([typeof(WriteTools)]);
        }

        return builder.Build();
    }

    private static HashSet<string> ToolNames(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<McpServerToolAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
