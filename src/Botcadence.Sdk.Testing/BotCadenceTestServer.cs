using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Botcadence.ReferenceServer;
using Botcadence.ReferenceServer.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using RefServer = Botcadence.ReferenceServer.ReferenceServer;

namespace Botcadence.Sdk.Testing;

/// <summary>Options of <see cref="BotCadenceTestServer.StartAsync(BotCadenceTestServerOptions?, CancellationToken)"/>.</summary>
public sealed class BotCadenceTestServerOptions
{
    /// <summary>
    /// The server's clock (timestamps, key expiry, rate-limit windows, execution steps, webhook retries, <see cref="Fault.Delay"/>),
    /// also used by <see cref="BotCadenceTestServer.CreateClient"/> clients for backoff. Pass a <c>FakeTimeProvider</c> to control time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The default organization's plan: free, starter, pro, business or enterprise (default).</summary>
    public string DefaultPlan { get; set; } = "enterprise";

    /// <summary>Fixes the value of the default full-scope key; random when null.</summary>
    public string? DefaultApiKey { get; set; }

    /// <summary>How long each execution step takes (default 25 ms, on <see cref="TimeProvider"/>).</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Requests per minute per key on the enterprise plan (default 6000).</summary>
    public int EnterpriseRateLimitPerMinute { get; set; } = 6000;

    /// <summary>The waits between webhook delivery attempts (default 100 ms, 200 ms, 400 ms: quick for tests).</summary>
    public IList<TimeSpan> WebhookRetryDelays { get; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];

    /// <summary>How long one webhook delivery attempt may take (default 5 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The server's console log level (default: warnings).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}

/// <summary>
/// The BotCadence reference server in your test process: the real, stateful v1 API on a loopback Kestrel port, with
/// organizations, keys, a controllable clock, seeding, state inspection, scripted faults and webhook records.
/// <code>
/// await using var server = await BotCadenceTestServer.StartAsync();
/// using var client = server.CreateClient();
/// </code>
/// </summary>
public sealed class BotCadenceTestServer : IAsyncDisposable
{
    private readonly RefServer _server;
    private readonly object _gate = new();
    private readonly List<string> _organizationIds = [];
    private BotCadenceClient? _kitClient;

    private BotCadenceTestServer(RefServer server, FaultInjector faults, TestServerWebhooks webhooks, TimeProvider timeProvider)
    {
        _server = server;
        Faults = faults;
        Webhooks = webhooks;
        TimeProvider = timeProvider;
        _organizationIds.Add(server.DefaultOrganization.Id);
        State = new TestServerState(this);
        Seed = new TestServerSeeder(this);
    }

    /// <summary>The v1 API base, e.g. <c>http://127.0.0.1:PORT/v1/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri RootAddress => _server.RootAddress;

    /// <summary>A full-scope key of <see cref="DefaultOrganization"/>.</summary>
    public string ApiKey => _server.ApiKey;

    /// <summary>The seeded organization (<c>org_default</c>).</summary>
    public OrganizationInfo DefaultOrganization => _server.DefaultOrganization;

    /// <summary>The server's clock (<see cref="BotCadenceTestServerOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Scripted faults: <c>server.Faults.Enqueue(Fault.RateLimited(TimeSpan.FromSeconds(2)))</c>.</summary>
    public FaultInjector Faults { get; }

    /// <summary>What the server delivered to webhook subscriptions, and a built-in receiver URL.</summary>
    public TestServerWebhooks Webhooks { get; }

    /// <summary>Reads what the server holds, to assert side effects without going through the API.</summary>
    public TestServerState State { get; }

    /// <summary>Creates resources in one line (an active workflow, a published template, a form …) in the default organization.</summary>
    public TestServerSeeder Seed { get; }

    internal IReadOnlyList<string> OrganizationIds
    {
        get
        {
            lock (_gate)
            {
                return _organizationIds.ToList();
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<BotCadenceTestServer> StartAsync(BotCadenceTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BotCadenceTestServerOptions();
        var faults = new FaultInjector();
        TestServerWebhooks? webhooks = null;
        var serverOptions = new ReferenceServerOptions
        {
            TimeProvider = options.TimeProvider,
            DefaultPlan = options.DefaultPlan,
            DefaultApiKey = options.DefaultApiKey,
            StepDuration = options.StepDuration,
            EnterpriseRateLimitPerMinute = options.EnterpriseRateLimitPerMinute,
            WebhookRetryDelays = options.WebhookRetryDelays.ToList(),
            WebhookTimeout = options.WebhookTimeout,
            MinimumLogLevel = options.MinimumLogLevel,
            Faults = faults.AsSource(),
            ConfigureApp = app => app.MapPost(TestServerWebhooks.ReceiverPath, context => webhooks!.ReceiveAsync(context))
                .WithMetadata(new AnonymousEndpoint()),
        };
        var server = await RefServer.StartAsync(serverOptions, cancellationToken).ConfigureAwait(false);
        BotCadenceTestServer? testServer = null;
        webhooks = new TestServerWebhooks(() => testServer!);
        testServer = new BotCadenceTestServer(server, faults, webhooks, options.TimeProvider);
        return testServer;
    }

    /// <summary>Starts a server whose clock is <paramref name="timeProvider"/> (e.g. a <c>FakeTimeProvider</c>).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<BotCadenceTestServer> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken = default) =>
        StartAsync(new BotCadenceTestServerOptions { TimeProvider = timeProvider }, cancellationToken);

    /// <summary>
    /// A client for this server, on its clock, with quick retries (base delay 10 ms) unless you change them. Dispose it.
    /// </summary>
    /// <param name="apiKey">The key (or session token) to use; <see cref="ApiKey"/> when null.</param>
    /// <param name="configure">Adjusts the options (retries, timeout …) after the defaults are set.</param>
    /// <returns>The client.</returns>
    public BotCadenceClient CreateClient(string? apiKey = null, Action<BotCadenceClientOptions>? configure = null)
    {
        var options = new BotCadenceClientOptions
        {
            ApiKey = apiKey ?? ApiKey,
            BaseAddress = BaseAddress,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new BotCadenceClient(options, transport: null, loggerFactory: null, timeProvider: TimeProvider);
    }

    /// <summary>Creates another organization (tenant).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="plan">free, starter, pro, business or enterprise.</param>
    /// <param name="rateLimitPerMinute">Overrides the plan's per-key limit when set.</param>
    /// <returns>The organization.</returns>
    public OrganizationInfo CreateOrganization(string name, string plan = "enterprise", int? rateLimitPerMinute = null)
    {
        var org = _server.CreateOrganization(name, plan, rateLimitPerMinute);
        lock (_gate)
        {
            _organizationIds.Add(org.Id);
        }

        return org;
    }

    /// <summary>Creates an API key with the scopes and expiry you choose.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <param name="scopes">The scopes (e.g. <c>workflows:read</c>); every scope when null.</param>
    /// <param name="expiresAt">When it expires, on the server clock; never when null.</param>
    /// <param name="name">Display name.</param>
    /// <returns>The key and its secret value.</returns>
    public ApiKeyInfo CreateApiKey(string? organizationId = null, IEnumerable<string>? scopes = null, DateTimeOffset? expiresAt = null, string name = "test key") =>
        _server.CreateApiKey(organizationId ?? DefaultOrganization.Id, scopes, expiresAt, name);

    /// <summary>Revokes a key; later requests with it get 401 <c>KEY_REVOKED</c>.</summary>
    /// <param name="keyId">The key's id.</param>
    public void RevokeApiKey(string keyId) => _server.RevokeApiKey(keyId);

    /// <summary>A session token (<c>sess_…</c>), the credential the API-key endpoints take.</summary>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The token.</returns>
    public string CreateSessionToken(string? organizationId = null) => _server.CreateSessionToken(organizationId ?? DefaultOrganization.Id);

    /// <summary>Adds a member to an organization (publishes <c>user.created</c>).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="email">E-mail address.</param>
    /// <param name="role">owner, admin, member or viewer.</param>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The member.</returns>
    public UserInfo AddUser(string name, string email, string role = "member", string? organizationId = null) =>
        _server.AddUser(organizationId ?? DefaultOrganization.Id, name, email, role);

    /// <summary>Adds an agent to an organization.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="status">online, offline or busy.</param>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The agent.</returns>
    public AgentInfo AddAgent(string name, string status = "online", string? organizationId = null) =>
        _server.AddAgent(organizationId ?? DefaultOrganization.Id, name, status);

    /// <summary>Connects an integration in an organization.</summary>
    /// <param name="provider">The provider key, e.g. <c>slack</c>.</param>
    /// <param name="name">Display name.</param>
    /// <param name="status">connected, error or disconnected.</param>
    /// <param name="organizationId">The organization; the default one when null.</param>
    /// <returns>The integration.</returns>
    public IntegrationInfo AddIntegration(string provider, string name, string status = "connected", string? organizationId = null) =>
        _server.AddIntegration(organizationId ?? DefaultOrganization.Id, provider, name, status);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _kitClient?.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    internal RefServer Reference => _server;

    internal T Internal<T>()
        where T : notnull => (T)(_server.Services.GetService(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not registered."));

    /// <summary>The kit's own client (full-scope key, no retries, never faulted) for seeding.</summary>
    internal BotCadenceClient KitClient(string? apiKey)
    {
        if (apiKey is not null)
        {
            return NewKitClient(apiKey);
        }

        lock (_gate)
        {
            return _kitClient ??= NewKitClient(ApiKey);
        }
    }

    private BotCadenceClient NewKitClient(string apiKey) =>
        new(new BotCadenceClientOptions { ApiKey = apiKey, BaseAddress = BaseAddress, MaxRetries = 0 }, new NoFaultsHandler(), null, TimeProvider.System);

    internal static T Deserialize<T>(System.Text.Json.Nodes.JsonNode json, JsonTypeInfo<T> typeInfo) =>
        json.Deserialize(typeInfo) ?? throw new InvalidOperationException("The server returned null.");

    private sealed class NoFaultsHandler : DelegatingHandler
    {
        public NoFaultsHandler()
            : base(new SocketsHttpHandler())
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(FaultMiddleware.BypassHeader, "1");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
