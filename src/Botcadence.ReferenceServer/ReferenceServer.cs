using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Executions;
using Botcadence.ReferenceServer.Organizations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Botcadence.ReferenceServer;

/// <summary>
/// A running, in-memory BotCadence reference server on a real Kestrel port. Start one per test
/// (or fixture) and point an HTTP client or the SDK at <see cref="BaseAddress"/> with <see cref="ApiKey"/>.
/// </summary>
public sealed class ReferenceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OrganizationStore _organizations;
    private int _disposed;

    private ReferenceServer(WebApplication app, Uri root, OrganizationInfo organization, string apiKey)
    {
        _app = app;
        _organizations = app.Services.GetRequiredService<OrganizationStore>();
        RootAddress = root;
        BaseAddress = new Uri(root, "v1/");
        DefaultOrganization = organization;
        ApiKey = apiKey;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri RootAddress { get; }

    /// <summary>The v1 API base, e.g. <c>http://127.0.0.1:PORT/v1/</c> (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The interactive API reference (the contract rendered with Scalar; "try it" calls this server), e.g. <c>http://127.0.0.1:PORT/docs/</c>.</summary>
    public Uri DocsAddress => new(RootAddress, "docs/");

    /// <summary>The raw contract (<c>docs/openapi.yaml</c>, embedded), e.g. <c>http://127.0.0.1:PORT/openapi.yaml</c>.</summary>
    public Uri ContractAddress => new(RootAddress, "openapi.yaml");

    /// <summary>A full-scope key of <see cref="DefaultOrganization"/>.</summary>
    public string ApiKey { get; }

    /// <summary>The seeded organization, <c>org_default</c>.</summary>
    public OrganizationInfo DefaultOrganization { get; }

    /// <summary>The app's services, e.g. its <c>EndpointDataSource</c> for contract tests.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server and waits until it listens.</summary>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<ReferenceServer> StartAsync(ReferenceServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReferenceServerOptions();
        if (options.RateLimitWindow < TimeSpan.FromSeconds(1) || options.RateLimitWindow.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RateLimitWindow, "RateLimitWindow must be a whole number of seconds, at least one.");
        }

        var app = ReferenceServerApp.Build(options);
        try
        {
            var (org, key) = ReferenceServerApp.Seed(app, options);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server did not report a listening address.");
            var root = new Uri(address.TrimEnd('/') + "/");
            return new ReferenceServer(app, root, ToInfo(org), key.Key);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates another organization (tenant).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="plan">free, starter, pro, business or enterprise.</param>
    /// <param name="rateLimitPerMinute">Overrides the plan's per-key limit when set.</param>
    /// <returns>The new organization.</returns>
    public OrganizationInfo CreateOrganization(string name, string plan = "enterprise", int? rateLimitPerMinute = null) =>
        ToInfo(_organizations.CreateOrganization(name, plan, rateLimitPerMinute));

    /// <summary>Creates an API key for an organization.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="scopes">The scopes; null grants every scope (<c>*</c>).</param>
    /// <param name="expiresAt">Expiry on the server's <see cref="TimeProvider"/>, or null.</param>
    /// <param name="name">Display name.</param>
    /// <returns>The key, including its secret value.</returns>
    public ApiKeyInfo CreateApiKey(string organizationId, IEnumerable<string>? scopes = null, DateTimeOffset? expiresAt = null, string name = "test key")
    {
        var key = Service<ApiKeys.ApiKeyStore>().Create(organizationId, scopes, expiresAt, name);
        return new ApiKeyInfo(key.Id, key.Key, key.OrganizationId, key.Scopes, key.ExpiresAt);
    }

    /// <summary>Revokes a key; later requests with it get 401 KEY_REVOKED.</summary>
    /// <param name="keyId">The key's id (<see cref="ApiKeyInfo.Id"/>).</param>
    public void RevokeApiKey(string keyId) => Service<ApiKeys.ApiKeyStore>().Revoke(keyId);

    /// <summary>Creates a session token (<c>sess_…</c>) for an organization: the only credential the API-key endpoints accept.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <returns>The token, to send as <c>Authorization: Bearer</c>.</returns>
    public string CreateSessionToken(string organizationId) =>
        Service<ApiKeys.SessionStore>().Create(organizationId);

    /// <summary>Adds a member to an organization and publishes <c>user.created</c>.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="name">Display name.</param>
    /// <param name="email">E-mail address.</param>
    /// <param name="role">owner, admin, member or viewer.</param>
    /// <returns>The new member.</returns>
    public UserInfo AddUser(string organizationId, string name, string email, string role = "member")
    {
        RequireOrganization(organizationId);
        RequireOneOf(role, Users.User.Roles, nameof(role));
        var user = Service<Users.UserStore>().Create(organizationId, name, email, role);
        return new UserInfo(user.Id, user.OrganizationId, user.Name, user.Email, user.Role);
    }

    /// <summary>Adds an agent to an organization.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="name">Display name.</param>
    /// <param name="status">online, offline or busy.</param>
    /// <param name="skills">Installed skills.</param>
    /// <returns>The new agent.</returns>
    public AgentInfo AddAgent(string organizationId, string name, string status = "online", IEnumerable<string>? skills = null)
    {
        RequireOrganization(organizationId);
        RequireOneOf(status, Agents.Agent.Statuses, nameof(status));
        var agent = Service<Agents.AgentStore>().Create(organizationId, name, null, status, skills?.ToArray() ?? []);
        return new AgentInfo(agent.Id, agent.OrganizationId, agent.Name, agent.Status);
    }

    /// <summary>Changes an agent's status, as the platform does when an agent connects, disconnects or gets busy; publishes <c>agent.status.changed</c>.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="agentId">The agent.</param>
    /// <param name="status">online, offline or busy.</param>
    /// <returns>The agent.</returns>
    public AgentInfo SetAgentStatus(string organizationId, string agentId, string status)
    {
        RequireOrganization(organizationId);
        RequireOneOf(status, Agents.Agent.Statuses, nameof(status));
        var clock = Service<ServerClock>();
        var previous = status;
        var agent = Service<Agents.AgentStore>().Update(organizationId, agentId, a =>
        {
            previous = a.Status;
            return a with { Status = status, UpdatedAt = clock.UtcNow };
        }) ?? throw new ArgumentException($"No agent '{agentId}' in the organization.", nameof(agentId));
        if (previous != status)
        {
            Service<Events.EventBus>().Publish(organizationId, Events.EventTypes.AgentStatusChanged, new JsonObject
            {
                ["agent_id"] = agent.Id, ["status"] = status, ["previous_status"] = previous, ["changed_at"] = JsonResponse.Time(clock.UtcNow),
            });
        }

        return new AgentInfo(agent.Id, agent.OrganizationId, agent.Name, agent.Status);
    }

    /// <summary>Issues an invoice to an organization (billing has no API of its own); publishes <c>billing.invoice.created</c>.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="amount">The amount due, in the currency's major unit.</param>
    /// <param name="currency">ISO 4217 code, lower case.</param>
    /// <returns>The invoice id (<c>inv_…</c>).</returns>
    public string CreateInvoice(string organizationId, decimal amount, string currency = "usd")
    {
        RequireOrganization(organizationId);
        var clock = Service<ServerClock>();
        var id = Ids.New("inv");
        Service<Events.EventBus>().Publish(organizationId, Events.EventTypes.BillingInvoiceCreated, new JsonObject
        {
            ["invoice_id"] = id, ["amount"] = amount, ["currency"] = currency, ["created_at"] = JsonResponse.Time(clock.UtcNow),
        });
        return id;
    }

    /// <summary>Connects an integration in an organization.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="provider">The provider key, e.g. <c>slack</c>.</param>
    /// <param name="name">Display name.</param>
    /// <param name="status">connected, error or disconnected; only connected ones pass their test.</param>
    /// <returns>The new integration.</returns>
    public IntegrationInfo AddIntegration(string organizationId, string provider, string name, string status = "connected")
    {
        RequireOrganization(organizationId);
        RequireOneOf(status, Integrations.Integration.Statuses, nameof(status));
        var integration = Service<Integrations.IntegrationStore>().Create(organizationId, provider, name, status);
        return new IntegrationInfo(integration.Id, integration.OrganizationId, integration.Provider, integration.Status);
    }

    /// <summary>Creates a data source with the given columns in an organization.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="name">Display name.</param>
    /// <param name="columns">The columns; types are text, number, boolean or date.</param>
    /// <returns>The new data source.</returns>
    public DataSourceInfo CreateDataSource(string organizationId, string name, IEnumerable<DataSourceColumnInfo> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        RequireOrganization(organizationId);
        var list = columns.ToList();
        foreach (var column in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(column.Name, nameof(columns));
            RequireOneOf(column.Type, DataSources.DataSourceColumn.Types, nameof(columns));
        }

        if (list.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("Column names must be unique.", nameof(columns));
        }

        var source = Service<DataSources.DataSourceStore>().Create(
            organizationId, name, null, list.Select(c => new DataSources.DataSourceColumn(c.Name, c.Type, c.Required)).ToList());
        return new DataSourceInfo(source.Id, source.OrganizationId, source.Name);
    }

    /// <summary>The events published in an organization so far, oldest first (what webhook subscriptions are sent).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <returns>Each event's id, type, time and data.</returns>
    public IReadOnlyList<PublishedEventInfo> PublishedEvents(string organizationId) =>
        Service<Events.EventBus>().History(organizationId)
            .Select(e => new PublishedEventInfo(e.Id, e.Type, e.Timestamp, (JsonObject)e.Data.DeepClone()))
            .ToList();

    private void RequireOrganization(string organizationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationId);
        if (_organizations.Get(organizationId) is null)
        {
            throw new KeyNotFoundException($"Organization {organizationId} does not exist.");
        }
    }

    private static void RequireOneOf(string value, IReadOnlyList<string> allowed, string parameterName)
    {
        if (!allowed.Contains(value))
        {
            throw new ArgumentException($"'{value}' is not one of: {string.Join(", ", allowed)}.", parameterName);
        }
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C / SIGTERM in the standalone server).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops background executions and the web host.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Service<ExecutionEngine>().DisposeAsync().ConfigureAwait(false);
        await Service<Webhooks.WebhookDispatcher>().DisposeAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    private static OrganizationInfo ToInfo(Organization org) => new(org.Id, org.Name, org.Plan);
}
