using System.Globalization;

// botcadence-server: the reference server's own entry point (Botcadence.ReferenceServer's Program), with --port added.
var forwarded = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "-h" or "--help":
            Console.WriteLine("""
                botcadence-server: the BotCadence v1 API, stateful and in memory, for testing clients in any language.

                Usage: botcadence-server [--port 5080] [--urls http://127.0.0.1:5080]
                  --port N     listen on http://127.0.0.1:N (default 5080)
                  --urls URL   listen on URL (http://host:port)
                Environment: BOTCADENCE_REFERENCE_KEY fixes the API key (random otherwise).
                Prints the base URL, the API key and a session token, then serves until Ctrl+C.
                """);
            return 0;
        case "--port" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync($"'{args[i]}' is not a port number.").ConfigureAwait(false);
                return 2;
            }

            forwarded.Add("--urls");
            forwarded.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
            break;
        default:
            forwarded.Add(args[i]);
            break;
    }
}

var entryPoint = typeof(Botcadence.ReferenceServer.ReferenceServer).Assembly.EntryPoint
    ?? throw new InvalidOperationException("The reference server assembly has no entry point.");
var result = entryPoint.Invoke(null, [forwarded.ToArray()]);
return result switch
{
    int code => code,
    Task<int> task => await task.ConfigureAwait(false),
    _ => 0,
};
