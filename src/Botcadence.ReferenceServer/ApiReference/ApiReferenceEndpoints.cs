using Scalar.AspNetCore;

namespace Botcadence.ReferenceServer.ApiReference;

/// <summary>
/// The interactive API reference: <c>GET /openapi.yaml</c> serves the contract (<c>docs/openapi.yaml</c>, embedded in
/// this assembly) and <c>GET /docs</c> renders it with Scalar, whose script is served from the package itself (no CDN,
/// no web fonts, no telemetry), with this server as the target of "try it" requests. Neither needs an API key.
/// </summary>
internal static class ApiReferenceEndpoints
{
    public const string ContractPath = "/openapi.yaml";
    public const string DocsPath = "/docs";
    public const string ContractResourceName = "Botcadence.ReferenceServer.openapi.yaml";

    private static readonly Lazy<byte[]> Contract = new(ReadContract);

    public static void Map(WebApplication app)
    {
        app.MapGet(ContractPath, () => Results.Bytes(Contract.Value, "application/yaml; charset=utf-8"))
            .AllowWithoutKey()
            .ExcludeFromApiReference();

        app.MapScalarApiReference(DocsPath, (options, context) =>
            {
                options.WithTitle("BotCadence API reference")
                    .WithOpenApiRoutePattern(ContractPath)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .AddPreferredSecuritySchemes(["bearerAuth"]);
                options.Mcp = new ScalarMcpOptions { Disabled = true };
                options.ShowDeveloperTools = DeveloperToolsVisibility.Never; // links to hosted services; this page works offline
                options.Servers = [new ScalarServer($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/v1", "This reference server")];
            })
            .AllowWithoutKey();
    }

    /// <summary>The contract exactly as embedded (the same bytes as <c>docs/openapi.yaml</c> at build time).</summary>
    public static byte[] ReadContract()
    {
        using var stream = typeof(ApiReferenceEndpoints).Assembly.GetManifestResourceStream(ContractResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ContractResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
