using Botcadence.ReferenceServer.Agents;
using Botcadence.ReferenceServer.Analytics;
using Botcadence.ReferenceServer.ApiKeys;
using Botcadence.ReferenceServer.ApiReference;
using Botcadence.ReferenceServer.Credentials;
using Botcadence.ReferenceServer.DataSources;
using Botcadence.ReferenceServer.Events;
using Botcadence.ReferenceServer.Executions;
using Botcadence.ReferenceServer.Files;
using Botcadence.ReferenceServer.Forms;
using Botcadence.ReferenceServer.Integrations;
using Botcadence.ReferenceServer.Organizations;
using Botcadence.ReferenceServer.Runs;
using Botcadence.ReferenceServer.Templates;
using Botcadence.ReferenceServer.Users;
using Botcadence.ReferenceServer.Webhooks;
using Botcadence.ReferenceServer.Workflows;

namespace Botcadence.ReferenceServer;

/// <summary>
/// The single composition of the reference server, used by both <c>Program</c> (standalone) and
/// <see cref="ReferenceServer.StartAsync"/> (in-process).
/// </summary>
internal static class ReferenceServerApp
{
    public static WebApplication Build(ReferenceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReferenceServerApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = RequestBody.MaxBytes;
            RequestLimitsMiddleware.ConfigureKestrel(k);
        });

        var services = builder.Services;
        services.AddRouting();
        services.AddSingleton(options);

        // Cross-cutting: time, tenants and keys, the pipeline's state, events.
        services.AddSingleton<ServerClock>();
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<EventBus>();

        // Resources (one store per resource, as the SDK has one client per resource).
        services.AddSingleton<AgentStore>();
        services.AddSingleton<AgentMessageStore>();
        services.AddSingleton<AgentTaskStore>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<DataSourceStore>();
        services.AddSingleton<DataRecordStore>();
        services.AddSingleton<ExecutionStore>();
        services.AddSingleton<ExecutionEngine>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<FormStore>();
        services.AddSingleton<IntegrationStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>()); // subscribes to the event bus on start
        services.AddSingleton<WorkflowStore>();

        var app = builder.Build();

        // The middleware order, outermost first (docs/architecture.md describes each step).
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<ExceptionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AuthMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<StatusCodeEnvelopeMiddleware>();
        app.UseMiddleware<ScopeMiddleware>();
        app.UseMiddleware<AccessPolicyMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();

        // Handler exceptions are answered inside the pipeline (ExceptionFilter), so idempotency stores error answers too.
        var v1 = app.MapGroup("/v1").AddEndpointFilter<ExceptionFilter>();
        AgentEndpoints.Map(v1);
        AnalyticsEndpoints.Map(v1);
        ApiKeyEndpoints.Map(v1);
        CredentialEndpoints.Map(v1);
        DataSourceEndpoints.Map(v1);
        ExecutionEndpoints.Map(v1);
        FileEndpoints.Map(v1);
        FormEndpoints.Map(v1);
        IntegrationEndpoints.Map(v1);
        RunEndpoints.Map(v1);
        TemplateEndpoints.Map(v1);
        UserEndpoints.Map(v1);
        WebhookEndpoints.Map(v1);
        WorkflowEndpoints.Map(v1);
        WebhookEndpoints.MapInbound(app); // POST /webhooks/{id}, no key needed
        ApiReferenceEndpoints.Map(app); // GET /docs and /openapi.yaml, no key needed
        options.ConfigureApp?.Invoke(app);
        return app;
    }

    /// <summary>Creates the default organization and its full-scope key.</summary>
    public static (Organization Organization, ApiKey Key) Seed(WebApplication app, ReferenceServerOptions options)
    {
        var org = app.Services.GetRequiredService<OrganizationStore>()
            .CreateOrganization("Default Organization", options.DefaultPlan, null, OrganizationStore.DefaultOrganizationId);
        var key = app.Services.GetRequiredService<ApiKeyStore>().Create(org.Id, null, null, "default key", options.DefaultApiKey);
        return (org, key);
    }
}
