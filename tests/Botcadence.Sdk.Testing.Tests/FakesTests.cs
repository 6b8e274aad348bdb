using System.Net;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk.Testing.Tests;

/// <summary>The SDK's fakes for mocked clients: pages, lists, response details and typed model factories.</summary>
[TestFixture]
public sealed class FakesTests
{
    [Test]
    public void Typed_factories_build_get_only_models()
    {
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var workflow = BotCadenceModelFactory.Workflow(id: "wf_1", name: "Welcome", status: WorkflowStatus.Active, createdAt: created, executionCount: 3);

        Assert.That(workflow.Id, Is.EqualTo("wf_1"));
        Assert.That(workflow.Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.That(workflow.CreatedAt, Is.EqualTo(created));
        Assert.That(workflow.ExecutionCount, Is.EqualTo(3));
        Assert.That(workflow.Actions, Is.Empty);
        Assert.That(BotCadenceModelFactory.Execution(id: "exec_1", status: ExecutionStatus.Completed, steps: [BotCadenceModelFactory.ExecutionStep(id: "a1")]).Steps.Single().Id, Is.EqualTo("a1"));
    }

    [Test]
    public void Every_output_model_has_a_typed_factory_with_a_parameter_per_property()
    {
        var models = typeof(Workflow).Assembly.GetExportedTypes()
            .Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<JsonIncludeAttribute>() is not null && p.SetMethod is { IsAssembly: true }))
            .ToList();
        Assert.That(models, Has.Count.GreaterThanOrEqualTo(30));

        foreach (var model in models)
        {
            var factory = typeof(BotCadenceModelFactory).GetMethod(model.Name, BindingFlags.Public | BindingFlags.Static);
            Assert.That(factory, Is.Not.Null, $"BotCadenceModelFactory.{model.Name}(…) is missing");
            Assert.That(factory!.ReturnType, Is.EqualTo(model));
            var parameters = factory.GetParameters().Select(p => p.Name!.TrimStart('@').ToUpperInvariant()).ToHashSet();
            foreach (var property in model.GetProperties().Where(p => p.GetCustomAttribute<JsonIncludeAttribute>() is not null))
            {
                Assert.That(parameters, Does.Contain(property.Name.ToUpperInvariant()), $"{model.Name}.{property.Name} has no factory parameter");
            }

            Assert.That(factory.GetParameters().All(p => p.IsOptional), Is.True, $"{model.Name}: every parameter is optional");
        }
    }

    [Test]
    public void FromJson_rejects_a_property_the_model_does_not_have()
    {
        var ex = Assert.Throws<ArgumentException>(() => BotCadenceModelFactory.FromJson<Workflow>("""{"id":"wf_1","stauts":"active"}"""));
        Assert.That(ex!.Message, Does.Contain("stauts"));
        Assert.That(BotCadenceModelFactory.FromJson<Workflow>("""{"id":"wf_1","status":"active"}""").Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.Throws<ArgumentException>(() => BotCadenceModelFactory.FromJson<Execution>("""{"id":"exec_1","steps":[{"id":"a","typo":1}]}"""), "nested models too");
    }

    [Test]
    public void ResponseInfo_and_pages_are_built_for_mocks()
    {
        var response = BotCadenceModelFactory.ResponseInfo(HttpStatusCode.OK, requestId: "req_1", rateLimit: new RateLimitInfo(100, 99, DateTimeOffset.UnixEpoch));
        var page = Page<Workflow>.FromValues([BotCadenceModelFactory.Workflow(id: "wf_1")], continuationToken: "2:1", response, totalCount: 2);

        Assert.That(page.Values.Single().Id, Is.EqualTo("wf_1"));
        Assert.That(page.ContinuationToken, Is.EqualTo("2:1"));
        Assert.That(page.TotalCount, Is.EqualTo(2));
        Assert.That(page.Response.RequestId, Is.EqualTo("req_1"));
        Assert.That(page.Response.RateLimit!.Remaining, Is.EqualTo(99));
        Assert.That(Page<int>.FromValues([1]).Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task FromValues_pages_in_page_style_and_resumes_from_a_token()
    {
        var list = AsyncPageable.FromValues(Enumerable.Range(1, 25), pageSize: 10);

        var pages = await ToListAsync(list.AsPages());
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 10, 10, 5 }));
        Assert.That(pages.Select(p => p.ContinuationToken), Is.EqualTo(new[] { "2:10", "3:10", null }));
        Assert.That(pages[0].TotalCount, Is.EqualTo(25));

        var resumed = await ToListAsync(list.AsPages(pages[0].ContinuationToken));
        Assert.That(resumed.SelectMany(p => p.Values).First(), Is.EqualTo(11));
        Assert.That(await ToListAsync(list), Is.EqualTo(Enumerable.Range(1, 25)));
        Assert.That((await ToListAsync(list.AsPages(pageSizeHint: 20))).Count, Is.EqualTo(2));
        Assert.Throws<ArgumentException>(() => list.AsPages("nonsense"));
    }

    [Test]
    public async Task FromValues_pages_in_cursor_style_without_a_total()
    {
        var list = AsyncPageable<string>.FromValues(["a", "b", "c"], pageSize: 2, PagingStyle.Cursor);

        var pages = await ToListAsync(list.AsPages());

        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages[0].TotalCount, Is.Null);
        Assert.That(pages[0].ContinuationToken, Is.Not.Null.And.Not.Contains(":"));
        Assert.That((await ToListAsync(list.AsPages(pages[0].ContinuationToken))).Single().Values, Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public async Task FromPages_replays_the_given_pages_and_resumes_after_a_token()
    {
        var list = AsyncPageable.FromPages(
        [
            Page<Workflow>.FromValues([BotCadenceModelFactory.Workflow(id: "wf_1")], "cur_a"),
            Page<Workflow>.FromValues([BotCadenceModelFactory.Workflow(id: "wf_2")]),
        ]);
        var mock = ListOnlyWorkflows.Create(list);

        var ids = new List<string>();
        await foreach (var workflow in mock.ListAsync(cancellationToken: CancellationToken.None))
        {
            ids.Add(workflow.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "wf_1", "wf_2" }));
        Assert.That((await ToListAsync(list.AsPages("cur_a"))).Single().Values.Single().Id, Is.EqualTo("wf_2"));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A minimal mock: only ListAsync answers (a proxy, so SDK signature changes do not break it).</summary>
    public class ListOnlyWorkflows : DispatchProxy
    {
        private object? _list;

        public static IWorkflowsClient Create(AsyncPageable<Workflow> list)
        {
            var proxy = Create<IWorkflowsClient, ListOnlyWorkflows>();
            ((ListOnlyWorkflows)(object)proxy)._list = list;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IWorkflowsClient.ListAsync) ? _list : throw new NotSupportedException(targetMethod?.Name);
    }
}
