using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Botcadence.Sdk;

/// <summary>The BotCadence API: one property per resource. Implemented by <see cref="BotCadenceClient"/>; mock it in tests.</summary>
public interface IBotCadenceClient
{
    /// <summary>Workflows: create, change, activate, execute, measure.</summary>
    IWorkflowsClient Workflows { get; }

    /// <summary>Executions of workflows, with steps and logs.</summary>
    IExecutionsClient Executions { get; }

    /// <summary>Templates: process blueprints (drafts until published) that runs are launched from.</summary>
    ITemplatesClient Templates { get; }

    /// <summary>Runs of published templates, with their tasks.</summary>
    IRunsClient Runs { get; }

    /// <summary>Forms with typed fields, and their validated submissions.</summary>
    IFormsClient Forms { get; }

    /// <summary>Streamed file upload and download, and file metadata.</summary>
    IFilesClient Files { get; }

    /// <summary>Webhooks: inbound trigger URLs and event subscriptions, their delivery logs, tests and secret rotation.</summary>
    IWebhooksClient Webhooks { get; }

    /// <summary>Credentials: stored secrets; values are write-only.</summary>
    ICredentialsClient Credentials { get; }

    /// <summary>Integrations: connected third-party services, and a connection test.</summary>
    IIntegrationsClient Integrations { get; }

    /// <summary>Data sources: structured tables and their validated records.</summary>
    IDataSourcesClient DataSources { get; }

    /// <summary>Users: the organization's members.</summary>
    IUsersClient Users { get; }

    /// <summary>Agents: message AI agents, read their tasks, manage their skills (starter plan and above).</summary>
    IAgentsClient Agents { get; }

    /// <summary>Analytics: token usage of the agents (starter plan and above).</summary>
    IAnalyticsClient Analytics { get; }

    /// <summary>API keys: list, create and revoke keys. Needs a client configured with a session token, not an API key.</summary>
    IApiKeysClient ApiKeys { get; }
}

/// <summary>
/// The BotCadence API client. Thread-safe: create one and share it (or inject <see cref="IBotCadenceClient"/>
/// after <c>services.AddBotCadence(…)</c>). Failures throw a <see cref="BotCadenceException"/> subclass.
/// </summary>
public sealed class BotCadenceClient : IBotCadenceClient, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly ClientCore _core;

    /// <summary>Creates a client for the production service with default settings.</summary>
    /// <param name="apiKey">The API key (<c>sk_live_…</c> or <c>sk_test_…</c>).</param>
    public BotCadenceClient(string apiKey)
        : this(new BotCadenceClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with the given settings.</summary>
    /// <param name="options">The settings; they are validated and copied.</param>
    public BotCadenceClient(BotCadenceClientOptions options)
        : this(options, transport: null)
    {
    }

    /// <summary>Creates a client over your own transport, logging and clock (for proxies, test servers and tests).</summary>
    /// <param name="options">The settings; they are validated.</param>
    /// <param name="transport">The innermost handler (default: a pooled <see cref="SocketsHttpHandler"/>). The client owns and disposes it.</param>
    /// <param name="loggerFactory">Where request, retry and deprecation logs go (default: nowhere).</param>
    /// <param name="timeProvider">The clock for backoff, timeouts and polling (default: the system clock).</param>
    public BotCadenceClient(BotCadenceClientOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(CreateOwnedHttpClient(options, transport, loggerFactory ??= NullLoggerFactory.Instance, timeProvider ??= TimeProvider.System),
            ownsHttpClient: true, options, loggerFactory, timeProvider)
    {
    }

    /// <summary>
    /// Creates a client that sends every attempt through your own <see cref="HttpClient"/> (its handlers, default headers
    /// and primary handler), with the SDK's whole pipeline (idempotency keys, retries, timeouts, authentication, your
    /// <see cref="BotCadenceClientOptions.AddHandler"/> handlers) composed over it. The SDK never disposes
    /// <paramref name="httpClient"/> and ignores its <see cref="HttpClient.BaseAddress"/> (requests are absolute, from
    /// <see cref="BotCadenceClientOptions.BaseAddress"/>); its <see cref="HttpClient.Timeout"/> bounds each attempt, so set
    /// it at least as long as <see cref="BotCadenceClientOptions.AttemptTimeout"/> (or infinite).
    /// </summary>
    /// <param name="httpClient">Your HttpClient; it stays yours to dispose.</param>
    /// <param name="options">The settings; they are validated.</param>
    /// <param name="loggerFactory">Where request, retry and deprecation logs go (default: nowhere).</param>
    /// <param name="timeProvider">The clock for backoff, timeouts and polling (default: the system clock).</param>
    public BotCadenceClient(HttpClient httpClient, BotCadenceClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpClientTransport(httpClient ?? throw new ArgumentNullException(nameof(httpClient))), loggerFactory, timeProvider)
    {
    }

    private BotCadenceClient(HttpClient httpClient, bool ownsHttpClient, BotCadenceClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        Configure(_httpClient, options, ownsHttpClient);
        _core = new ClientCore(loggerFactory.CreateLogger(HttpPipeline.LoggerCategory), timeProvider, options);
    }

    // Resource clients and their Refit implementations are built on first use (a process that calls one resource pays
    // for one). LazyInitializer publishes one instance per field: a property returns the same client every time, from
    // any thread (a racing thread may build a spare one, which is dropped; the clients hold no resources).
    private ExecutionsClient? _executions;
    private WorkflowsClient? _workflows;
    private TemplatesClient? _templates;
    private RunsClient? _runs;
    private FormsClient? _forms;
    private FilesClient? _files;
    private WebhooksClient? _webhooks;
    private CredentialsClient? _credentials;
    private IntegrationsClient? _integrations;
    private DataSourcesClient? _dataSources;
    private UsersClient? _users;
    private AgentsClient? _agents;
    private AnalyticsClient? _analytics;
    private ApiKeysClient? _apiKeys;

    /// <inheritdoc />
    public IWorkflowsClient Workflows =>
        _workflows ?? LazyInitializer.EnsureInitialized(ref _workflows, () => new WorkflowsClient(_core, Api<IWorkflowsApi>(), ExecutionsClient));

    /// <inheritdoc />
    public IExecutionsClient Executions => ExecutionsClient;

    private ExecutionsClient ExecutionsClient =>
        _executions ?? LazyInitializer.EnsureInitialized(ref _executions, () => new ExecutionsClient(_core, Api<IExecutionsApi>()));

    /// <inheritdoc />
    public ITemplatesClient Templates =>
        _templates ?? LazyInitializer.EnsureInitialized(ref _templates, () => new TemplatesClient(_core, Api<ITemplatesApi>()));

    /// <inheritdoc />
    public IRunsClient Runs =>
        _runs ?? LazyInitializer.EnsureInitialized(ref _runs, () => new RunsClient(_core, Api<IRunsApi>()));

    /// <inheritdoc />
    public IFormsClient Forms =>
        _forms ?? LazyInitializer.EnsureInitialized(ref _forms, () => new FormsClient(_core, Api<IFormsApi>()));

    /// <inheritdoc />
    public IFilesClient Files =>
        _files ?? LazyInitializer.EnsureInitialized(ref _files, () => new FilesClient(_core, Api<IFilesApi>()));

    /// <inheritdoc />
    public IWebhooksClient Webhooks =>
        _webhooks ?? LazyInitializer.EnsureInitialized(ref _webhooks, () => new WebhooksClient(_core, Api<IWebhooksApi>()));

    /// <inheritdoc />
    public ICredentialsClient Credentials =>
        _credentials ?? LazyInitializer.EnsureInitialized(ref _credentials, () => new CredentialsClient(_core, Api<ICredentialsApi>()));

    /// <inheritdoc />
    public IIntegrationsClient Integrations =>
        _integrations ?? LazyInitializer.EnsureInitialized(ref _integrations, () => new IntegrationsClient(_core, Api<IIntegrationsApi>()));

    /// <inheritdoc />
    public IDataSourcesClient DataSources =>
        _dataSources ?? LazyInitializer.EnsureInitialized(ref _dataSources, () => new DataSourcesClient(_core, Api<IDataSourcesApi>()));

    /// <inheritdoc />
    public IUsersClient Users =>
        _users ?? LazyInitializer.EnsureInitialized(ref _users, () => new UsersClient(_core, Api<IUsersApi>()));

    /// <inheritdoc />
    public IAgentsClient Agents =>
        _agents ?? LazyInitializer.EnsureInitialized(ref _agents, () => new AgentsClient(_core, Api<IAgentsApi>()));

    /// <inheritdoc />
    public IAnalyticsClient Analytics =>
        _analytics ?? LazyInitializer.EnsureInitialized(ref _analytics, () => new AnalyticsClient(_core, Api<IAnalyticsApi>()));

    /// <inheritdoc />
    public IApiKeysClient ApiKeys =>
        _apiKeys ?? LazyInitializer.EnsureInitialized(ref _apiKeys, () => new ApiKeysClient(_core, Api<IApiKeysApi>()));

    /// <summary>Releases the connections (when the client created them).</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>The dependency-injection path: the pipeline handlers are already in the factory-built client, which the factory owns.</summary>
    internal static BotCadenceClient FromFactoryClient(HttpClient httpClient, BotCadenceClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider) =>
        new(httpClient, ownsHttpClient: false, options, loggerFactory, timeProvider);

    /// <summary>HttpClient's own default <see cref="HttpClient.Timeout"/>: a value other than this was set by the user.</summary>
    internal static readonly TimeSpan HttpClientDefaultTimeout = TimeSpan.FromSeconds(100);

    internal static void Configure(HttpClient httpClient, BotCadenceClientOptions options, bool ownsHttpClient)
    {
        var baseAddress = options.BaseAddress.AbsoluteUri;
        httpClient.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");
        // The SDK's pipeline enforces Timeout (whole call) and AttemptTimeout (one attempt). A Timeout set on the
        // factory-built HttpClient through ConfigureHttpClient is the user's: honoured (it also bounds the whole call),
        // never silently overwritten. Only HttpClient's own default is lifted so it cannot cut RequestOptions.Timeout short.
        if (ownsHttpClient || httpClient.Timeout == HttpClientDefaultTimeout)
        {
            httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        }
    }

    private static HttpClient CreateOwnedHttpClient(BotCadenceClientOptions options, HttpMessageHandler? transport, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        BotCadenceClientOptionsValidator.ThrowIfInvalid(options);
        var handler = HttpPipeline.Compose(HttpPipeline.CreateHandlers(options, loggerFactory, timeProvider), transport ?? HttpPipeline.CreateDefaultTransport());
        return new HttpClient(handler, disposeHandler: true);
    }

    /// <summary>The source-generated Refit implementation of an internal API interface, over this client's pipeline.</summary>
    private T Api<T>() => RestService.ForGenerated<T>(_httpClient, BotCadenceJsonContext.Default);
}
