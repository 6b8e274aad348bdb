namespace Botcadence.Sdk.Tests;

/// <summary>Users build output models for their own mocks; the factory reads the documented wire format.</summary>
[TestFixture]
public sealed class ModelFactoryTests
{
    [Test]
    public async Task Builds_models_for_a_mocked_client()
    {
        var workflow = BotCadenceModelFactory.FromJson<Workflow>("""{"id":"wf_1","name":"Welcome","status":"active","execution_count":3,"success_rate":0.5,"created_at":"2026-01-01T00:00:00Z"}""");
        IWorkflowsClient mock = new StubWorkflows(workflow);

        var fetched = await mock.GetAsync("wf_1");

        Assert.That(fetched.Id, Is.EqualTo("wf_1"));
        Assert.That(fetched.Status, Is.EqualTo(WorkflowStatus.Active));
        Assert.That(fetched.ExecutionCount, Is.EqualTo(3));
        Assert.That(BotCadenceModelFactory.FromJson<Run>("""{"id":"run_1","status":"OVERDUE"}""").Status, Is.EqualTo(RunStatus.Overdue));
    }

    [Test]
    public void Refuses_other_types_and_bad_json_with_an_argument_exception()
    {
        Assert.Throws<ArgumentException>(() => BotCadenceModelFactory.FromJson<Uri>("\"https://x\""));
        var ex = Assert.Throws<ArgumentException>(() => BotCadenceModelFactory.FromJson<Workflow>("""{"id": 42"""));
        Assert.That(ex!.InnerException, Is.InstanceOf<System.Text.Json.JsonException>());
    }

    /// <summary>A hand-written test double: the interface is what users mock.</summary>
    private sealed class StubWorkflows(Workflow workflow) : IWorkflowsClient
    {
        public Task<Workflow> GetAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => Task.FromResult(workflow);
        public AsyncPageable<Workflow> ListAsync(WorkflowListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Workflow> CreateAsync(WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Workflow> UpdateAsync(string workflowId, WorkflowUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Workflow> ReplaceAsync(string workflowId, WorkflowCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ResponseInfo> DeleteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Workflow> ActivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Workflow> DeactivateAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Execution> ExecuteAsync(string workflowId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Execution> ExecuteAsync(string workflowId, System.Text.Json.JsonElement input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Execution> ExecuteAsync<TInput>(string workflowId, TInput input, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TInput> inputTypeInfo, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Execution> ExecuteAsync(string workflowId, object? input, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Execution> ExecuteAndWaitAsync(string workflowId, System.Text.Json.JsonElement? input = null, ExecutionWaitOptions? waitOptions = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<WorkflowMetrics> GetMetricsAsync(string workflowId, WorkflowMetricsOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
