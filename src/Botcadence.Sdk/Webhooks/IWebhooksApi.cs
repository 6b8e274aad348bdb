using Refit;

namespace Botcadence.Sdk;

/// <summary>The Webhooks endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IWebhooksApi
{
    [Get("/webhooks")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? kind, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/webhooks")]
    Task<HttpResponseMessage> CreateSubscriptionAsync([Body(buffered: true)] WebhookSubscriptionCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/webhooks")]
    Task<HttpResponseMessage> CreateTriggerAsync([Body(buffered: true)] WebhookTriggerCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/webhooks/{webhookId}")]
    Task<HttpResponseMessage> GetAsync(string webhookId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Delete("/webhooks/{webhookId}")]
    Task<HttpResponseMessage> DeleteAsync(string webhookId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/webhooks/{webhookId}/deliveries")]
    Task<HttpResponseMessage> ListDeliveriesAsync(string webhookId, int? page, [AliasAs("per_page")] int? perPage, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/webhooks/{webhookId}/deliveries/{deliveryId}/retry")]
    Task<HttpResponseMessage> RetryDeliveryAsync(string webhookId, string deliveryId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/webhooks/{webhookId}/test")]
    Task<HttpResponseMessage> SendTestAsync(string webhookId, [Body(buffered: true)] WebhookTestRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/webhooks/{webhookId}/rotate-secret")]
    Task<HttpResponseMessage> RotateSecretAsync(string webhookId, [Body(buffered: true)] WebhookRotateSecretRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
