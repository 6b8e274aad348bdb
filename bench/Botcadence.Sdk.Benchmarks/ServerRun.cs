using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Botcadence.ReferenceServer;
using Botcadence.Sdk.Testing;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// The reference server as a test dependency (<c>--server</c>): <c>StartAsync</c> to the first answered request, the
/// first time in the process (cold) and then again and again (warm, what a suite that starts one per test pays), for
/// <see cref="ReferenceServer.ReferenceServer"/> and <see cref="BotCadenceTestServer"/>; then (with <c>--wrk</c>) its
/// GET throughput on loopback, measured by <c>wrk</c> with a key whose rate limit does not bind.
/// </summary>
internal static class ServerRun
{
    public static bool IsSelected(string[] args) => args.Contains("--server");

    public static async Task<int> RunAsync(string[] args)
    {
        using var http = new HttpClient();
        await StartupAsync("ReferenceServer.StartAsync", http, async () =>
        {
            var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions());
            return (server.BaseAddress, server.ApiKey, server.DisposeAsync);
        });
        await StartupAsync("BotCadenceTestServer.StartAsync", http, async () =>
        {
            var server = await BotCadenceTestServer.StartAsync();
            return (server.BaseAddress, server.ApiKey, server.DisposeAsync);
        });

        if (args.Contains("--wrk"))
        {
            await WrkAsync(args);
        }

        return 0;
    }

    private static async Task StartupAsync(string name, HttpClient http, Func<Task<(Uri BaseAddress, string ApiKey, Func<ValueTask> Dispose)>> start)
    {
        var times = new List<double>();
        var started = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            var (baseAddress, apiKey, dispose) = await start();
            started.Add(clock.Elapsed.TotalMilliseconds);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "workflows"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
            await dispose();
        }

        var warm = times.Skip(1).Order().ToList();
        var warmStart = started.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} → first response: cold (first in process) {times[0]:0} ms; warm (next 20) median {warm[warm.Count / 2]:0.0} ms, min {warm[0]:0.0}, max {warm[^1]:0.0}; " +
            $"of which StartAsync itself: cold {started[0]:0} ms, warm median {warmStart[warmStart.Count / 2]:0.0} ms (the rest is the first request: routing and endpoint set-up)"));
    }

    private static async Task WrkAsync(string[] args)
    {
        var duration = args.SkipWhile(a => a != "--duration").Skip(1).FirstOrDefault() ?? "10s";
        if (!await EnsureWrkAsync())
        {
            Console.WriteLine("wrk is not installed and could not be installed (apt-get install -y wrk): throughput not measured.");
            return;
        }

        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { EnterpriseRateLimitPerMinute = int.MaxValue });
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
        var id = (await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "wrk" })).Id;
        var url = new Uri(server.BaseAddress, "workflows/" + id);
        foreach (var connections in new[] { 16, 64 })
        {
            var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{duration}", "--latency", "-H", $"Authorization: Bearer {server.ApiKey}", url.AbsoluteUri])
            {
                RedirectStandardOutput = true,
            })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            Console.WriteLine($"## wrk -t2 -c{connections} -d{duration} GET /v1/workflows/{{id}} (one 200 JSON workflow per request)");
            Console.WriteLine(output.Replace(server.ApiKey, "sk_…", StringComparison.Ordinal));
        }
    }

    /// <summary>True when <c>wrk</c> runs; when it is missing, installs it with <c>apt-get</c> first (Debian, as root).</summary>
    private static async Task<bool> EnsureWrkAsync()
    {
        if (await RunsAsync("wrk", "--version"))
        {
            return true;
        }

        Console.WriteLine("wrk not found: apt-get install -y wrk");
        return await RunsAsync("apt-get", "install", "-y", "wrk") && await RunsAsync("wrk", "--version");
    }

    private static async Task<bool> RunsAsync(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await errors;
            await process.WaitForExitAsync();
            // wrk --version prints its banner and exits 1; anything that started is installed.
            return program == "wrk" || process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
