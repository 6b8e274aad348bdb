namespace Botcadence.Mcp;

/// <summary>The parsed command line of <c>botcadence-mcp</c>.</summary>
internal sealed record CommandLine(bool ReadOnly, bool ShowHelp, bool ShowVersion, string? Error)
{
    public const string Usage = """
        Usage: botcadence-mcp [--read-only]

        A Model Context Protocol server (stdio) for the BotCadence API.

        Options:
          --read-only   Serve only the read-only tools; every tool that changes data is hidden and refused.
          --version     Print the version and exit.
          -h, --help    Print this help and exit.

        Environment:
          BOTCADENCE_API_KEY    The API key (required). Never passed as a tool argument, never printed.
          BOTCADENCE_BASE_URL   The API base URL (default https://api.botcadence.com/v1/).
          BOTCADENCE_MCP_LOG_LEVEL  Minimum level of the stderr log: Trace, Debug, Information, Warning (default), Error.
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool readOnly = false, help = false, version = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--read-only":
                    readOnly = true;
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                default:
                    return new CommandLine(readOnly, help, version, $"Unknown argument '{arg}'.");
            }
        }

        return new CommandLine(readOnly, help, version, null);
    }
}
