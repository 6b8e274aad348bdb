using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Botcadence.Sdk.Redis.Tests;

/// <summary>
/// The Redis the tests use: <c>BOTCADENCE_TEST_REDIS</c> (host:port, as <c>.ci/run</c> exports) or, when it is not set, a
/// private <c>redis-server</c> started on a free loopback port for this run. With neither, the tests fail when
/// <c>CI=true</c> and are ignored (with the reason) otherwise: they never pass without a real Redis.
/// </summary>
[SetUpFixture]
public sealed class TestRedis
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? _server;
    private static string? _endpoint;
    private static string? _unavailable;

    /// <summary>The host:port of the Redis server, or the test fails/is ignored.</summary>
    public static async Task<string> EndpointAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_endpoint is null && _unavailable is null)
            {
                await ResolveAsync();
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_endpoint is { } endpoint)
        {
            return endpoint;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("Redis is required in CI: " + _unavailable);
        }

        Assert.Ignore("No Redis: " + _unavailable + " Set BOTCADENCE_TEST_REDIS=host:port or install redis-server.");
        return null!;
    }

    /// <summary>A new connection (each simulated instance gets its own, as separate processes would).</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(await EndpointAsync());

    [OneTimeTearDown]
    public void StopPrivateServer()
    {
        if (_server is { HasExited: false } server)
        {
            server.Kill();
            server.WaitForExit(5000);
        }

        _server?.Dispose();
    }

    private static async Task ResolveAsync()
    {
        if (Environment.GetEnvironmentVariable("BOTCADENCE_TEST_REDIS") is { Length: > 0 } configured)
        {
            _endpoint = configured;
            return;
        }

        var binary = FindOnPath("redis-server");
        if (binary is null)
        {
            _unavailable = "BOTCADENCE_TEST_REDIS is not set and redis-server is not on PATH.";
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start);
        _server!.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        var endpoint = $"127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(endpoint + ",connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                _endpoint = endpoint;
                TestContext.Progress.WriteLine($"Started a private redis-server on {endpoint}.");
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        _unavailable = $"redis-server did not answer on {endpoint}.";
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
