namespace Botcadence.Sdk;

/// <summary>
/// The id of an item of a page-style list, so one enumeration can drop an item it already yielded (page-style pages are
/// positions, and items created between two page fetches shift the next page back onto items already seen). A table
/// of the page-style item types, not reflection: trimming and Native AOT safe. A type without an entry is not deduplicated.
/// </summary>
internal static class PageItemIds
{
    /// <summary>The id accessor of <typeparamref name="T"/>, or null when items of that type carry no id.</summary>
    public static Func<T, string?>? For<T>() => Cache<T>.Get;

    private static class Cache<T>
    {
        public static readonly Func<T, string?>? Get = Create();

        private static Func<T, string?>? Create()
        {
            var type = typeof(T);
            object? accessor =
                type == typeof(Workflow) ? new Func<Workflow, string?>(static x => x.Id)
                : type == typeof(Execution) ? new Func<Execution, string?>(static x => x.Id)
                : type == typeof(Template) ? new Func<Template, string?>(static x => x.Id)
                : type == typeof(Form) ? new Func<Form, string?>(static x => x.Id)
                : type == typeof(Webhook) ? new Func<Webhook, string?>(static x => x.Id)
                : type == typeof(WebhookDelivery) ? new Func<WebhookDelivery, string?>(static x => x.Id)
                : type == typeof(Credential) ? new Func<Credential, string?>(static x => x.Id)
                : type == typeof(Integration) ? new Func<Integration, string?>(static x => x.Id)
                : type == typeof(DataSource) ? new Func<DataSource, string?>(static x => x.Id)
                : type == typeof(ApiKey) ? new Func<ApiKey, string?>(static x => x.Id)
                : type == typeof(User) ? new Func<User, string?>(static x => x.Id)
                : type == typeof(Agent) ? new Func<Agent, string?>(static x => x.Id)
                : type == typeof(AgentTask) ? new Func<AgentTask, string?>(static x => x.Id)
                : null;
            return accessor as Func<T, string?>;
        }
    }
}
