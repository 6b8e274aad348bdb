using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Botcadence.Sdk.Tests;

[TestFixture]
public sealed class DependencyInjectionTests
{
    [Test]
    public async Task Binds_configuration_and_resolves_every_client()
    {
        var key = ServerFixture.Server.CreateApiKey(ServerFixture.Server.DefaultOrganization.Id);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotCadence:ApiKey"] = key.Key,
            ["BotCadence:BaseAddress"] = ServerFixture.Server.BaseAddress.ToString(),
            ["BotCadence:MaxRetries"] = "5",
            ["BotCadence:Timeout"] = "00:00:20",
            ["BotCadence:ApplicationId"] = "DiTest",
        }).Build();
        var services = new ServiceCollection();
        services.AddBotCadence(configuration.GetSection("BotCadence"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<BotCadenceClientOptions>>().Value;
        var client = provider.GetRequiredService<IBotCadenceClient>();
        var workflows = provider.GetRequiredService<IWorkflowsClient>();
        var executions = provider.GetRequiredService<IExecutionsClient>();
        var created = await workflows.CreateAsync(new WorkflowCreateOptions { Name = "from DI" });

        Assert.That(options.MaxRetries, Is.EqualTo(5));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(client.Workflows, Is.SameAs(workflows));
        Assert.That(client.Executions, Is.SameAs(executions));
        var fetched = await client.Workflows.GetAsync(created.Id);
        Assert.That(fetched.Name, Is.EqualTo("from DI"));
        Assert.That(fetched.Response!.RateLimit, Is.Not.Null);
    }

    [Test]
    public void Invalid_options_fail_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddBotCadence(o => { o.ApiKey = ""; o.MaxRetries = 42; });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(ex!.Failures, Has.Some.Contains("ApiKey").And.Some.Contains("MaxRetries"));
    }

    [Test]
    public void The_constructor_validates_too()
    {
        Assert.Throws<ArgumentException>(() => _ = new BotCadenceClient(" "));
        Assert.Throws<ArgumentException>(() => _ = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = "sk_test_x", BaseAddress = new Uri("ftp://x/") }));
    }

    [Test]
    public async Task The_pipeline_added_through_di_retries_and_signs()
    {
        var services = new ServiceCollection();
        var attempts = new CountingHandler();
        services.AddBotCadence(o =>
        {
            o.ApiKey = ServerFixture.Server.ApiKey;
            o.BaseAddress = ServerFixture.Server.BaseAddress;
        }).ConfigurePrimaryHttpMessageHandler(() => attempts);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IBotCadenceClient>();
        await client.Workflows.ListAsync().AsPages().GetAsyncEnumerator().MoveNextAsync();

        Assert.That(attempts.Count, Is.EqualTo(2), "one injected 503, then the retry");
        Assert.That(attempts.Authorization, Is.EqualTo("Bearer " + ServerFixture.Server.ApiKey));
    }

    [Test]
    public async Task Under_di_with_the_factory_loggers_removed_the_sdk_alone_logs_its_requests_redacted()
    {
        var logs = new System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CategoryLoggerProvider(logs)));
        services.AddBotCadence(o =>
        {
            o.ApiKey = ServerFixture.Server.ApiKey;
            o.BaseAddress = ServerFixture.Server.BaseAddress;
        }).RemoveAllLoggers(); // as docs/errors-and-retries.md recommends
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IBotCadenceClient>();
        await client.Workflows.ListAsync(new WorkflowListOptions { Search = "secret plan" }).AsPages().GetAsyncEnumerator().MoveNextAsync();

        Assert.That(logs.Where(l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)).Select(l => l.Category), Is.Empty,
            "IHttpClientFactory's own request logging is removed: one logger, redacted");
        Assert.That(logs.Any(l => l.Category == "Botcadence.Sdk" && l.Message.Contains("search=REDACTED", StringComparison.Ordinal)), Is.True);
        Assert.That(logs.Select(l => l.Message), Has.None.Contains("secret"));
    }

    private sealed class CategoryLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class CategoryLogger(string category, System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((category, formatter(state, exception)));
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public CountingHandler() : base(new SocketsHttpHandler()) { }

        public int Count { get; private set; }

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            Authorization = request.Headers.Authorization?.ToString();
            return Count == 1
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request })
                : base.SendAsync(request, cancellationToken);
        }
    }
}
