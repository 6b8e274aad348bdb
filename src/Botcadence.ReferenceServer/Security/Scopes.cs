namespace Botcadence.ReferenceServer.Security;

/// <summary>The scopes a key can hold. Later resources append theirs here.</summary>
internal static class Scopes
{
    public const string All = "*";
    public const string WorkflowsRead = "workflows:read";
    public const string WorkflowsWrite = "workflows:write";
    public const string WorkflowsExecute = "workflows:execute";
    public const string ExecutionsRead = "executions:read";
    public const string TemplatesRead = "templates:read";
    public const string TemplatesWrite = "templates:write";
    public const string TemplatesPublish = "templates:publish";
    public const string RunsRead = "runs:read";
    public const string RunsWrite = "runs:write";
    public const string RunsExecute = "runs:execute";
    public const string FormsRead = "forms:read";
    public const string FormsWrite = "forms:write";
    public const string FilesRead = "files:read";
    public const string FilesWrite = "files:write";
    public const string WebhooksManage = "webhooks:manage";
    public const string CredentialsRead = "credentials:read";
    public const string CredentialsWrite = "credentials:write";
    public const string IntegrationsRead = "integrations:read";
    public const string IntegrationsWrite = "integrations:write";
    public const string DataSourcesRead = "data-sources:read";
    public const string DataSourcesWrite = "data-sources:write";
    public const string UsersRead = "users:read";
    public const string AgentsRead = "agents:read";
    public const string AgentsWrite = "agents:write";
    public const string AnalyticsRead = "analytics:read";

    public static IReadOnlyList<string> Known { get; } =
    [
        WorkflowsRead, WorkflowsWrite, WorkflowsExecute, ExecutionsRead,
        TemplatesRead, TemplatesWrite, TemplatesPublish, RunsRead, RunsWrite, RunsExecute,
        FormsRead, FormsWrite, FilesRead, FilesWrite,
        WebhooksManage,
        CredentialsRead, CredentialsWrite,
        IntegrationsRead, IntegrationsWrite,
        DataSourcesRead, DataSourcesWrite,
        UsersRead,
        AgentsRead, AgentsWrite,
        AnalyticsRead,
    ];

    public static bool IsKnown(string scope) => scope == All || Known.Contains(scope);

    public static bool Grants(IReadOnlyList<string> held, string required) =>
        held.Contains(All) || held.Contains(required);
}
