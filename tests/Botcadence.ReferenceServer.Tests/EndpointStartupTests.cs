using System.CodeDom.Compiler;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>
/// A test suite that starts a server per test pays its first request each time, and that request builds every endpoint's
/// request delegate. Built at run time (expression trees compiled per endpoint) that took ~260 ms per start; the Request
/// Delegate Generator builds them at compile time (~14 ms per start, see docs/benchmarks.md). An endpoint the generator
/// cannot intercept silently falls back to run-time building: this test names it.
/// </summary>
[TestFixture]
internal sealed class EndpointStartupTests
{
    [Test]
    public async Task Every_api_endpoint_has_a_source_generated_request_delegate()
    {
        await using var server = await ReferenceServer.StartAsync();

        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();
        var notGenerated = endpoints
            .Where(e => !e.Metadata.OfType<GeneratedCodeAttribute>().Any(a => a.Tool?.StartsWith("Microsoft.AspNetCore.Http.RequestDelegateGenerator", StringComparison.Ordinal) == true))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)} {e.RoutePattern.RawText}")
            .ToList();

        Assert.That(endpoints, Has.Count.GreaterThanOrEqualTo(60), "the contract's operations are all mapped");
        Assert.That(notGenerated, Is.Empty, "endpoints whose request delegate is built at run time (see EnableRequestDelegateGenerator)");
    }
}
