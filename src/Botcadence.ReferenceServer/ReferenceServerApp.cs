using Botcadence.ReferenceServer.Executions;
using Botcadence.ReferenceServer.Files;
using Botcadence.ReferenceServer.Forms;
using Botcadence.ReferenceServer.Organizations;
using Botcadence.ReferenceServer.Runs;
using Botcadence.ReferenceServer.Templates;
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
        services.AddSingleton<ServerClock>();
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<ExecutionStore>();
        services.AddSingleton<ExecutionEngine>();
        services.AddSingleton<Events.EventBus>();
        services.AddSingleton<FormStore>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<Webhooks.WebhookStore>();
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        services.AddSingleton<ApiKeys.SessionStore>();
        services.AddSingleton<Credentials.CredentialStore>();
        services.AddSingleton<Integrations.IntegrationStore>();
        services.AddSingleton<DataSources.DataSourceStore>();
        services.AddSingleton<DataSources.DataRecordStore>();
        services.AddSingleton<Users.UserStore>();
        services.AddSingleton<Agents.AgentStore>();
        services.AddSingleton<Agents.AgentMessageStore>();
        services.AddSingleton<Agents.AgentTaskStore>();

        var app = builder.Build();
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
        app.UseMiddleware<ExceptionMiddleware>();

        var v1 = app.MapGroup("/v1");
        WorkflowEndpoints.Map(v1);
        ExecutionEndpoints.Map(v1);
        FormEndpoints.Map(v1);
        TemplateEndpoints.Map(v1);
        RunEndpoints.Map(v1);
        FileEndpoints.Map(v1);
        Webhooks.WebhookEndpoints.Map(v1);
        Webhooks.WebhookEndpoints.MapInbound(app);
        app.Services.GetRequiredService<Webhooks.WebhookDispatcher>(); // subscribes to the event bus
        Credentials.CredentialEndpoints.Map(v1);
        Integrations.IntegrationEndpoints.Map(v1);
        DataSources.DataSourceEndpoints.Map(v1);
        Users.UserEndpoints.Map(v1);
        Agents.AgentEndpoints.Map(v1);
        ApiKeys.ApiKeyEndpoints.Map(v1);
        ApiReference.ApiReferenceEndpoints.Map(app); // GET /docs and /openapi.yaml, no key needed
        options.ConfigureApp?.Invoke(app);
        return app;
    }

    /// <summary>Creates the default organization and its full-scope key.</summary>
    public static (Organization Organization, ApiKeyRecord Key) Seed(WebApplication app, ReferenceServerOptions options)
    {
        var store = app.Services.GetRequiredService<OrganizationStore>();
        var org = store.CreateOrganization("Default Organization", options.DefaultPlan, null, OrganizationStore.DefaultOrganizationId);
        var key = store.CreateApiKey(org.Id, null, null, "default key", options.DefaultApiKey);
        return (org, key);
    }
}
