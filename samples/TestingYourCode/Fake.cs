using System.Reflection;

namespace TestingYourCode;

/// <summary>
/// A tiny hand-rolled mock (use Moq or NSubstitute if you prefer): every call goes to the handler registered for the
/// method's name; anything else throws. Works for any SDK client interface, whatever its overloads.
/// </summary>
public class Fake<T> : DispatchProxy
    where T : class
{
    private Dictionary<string, Func<object?[], object?>> _handlers = [];

    public static T Create(Dictionary<string, Func<object?[], object?>> handlers)
    {
        var proxy = Create<T, Fake<T>>();
        ((Fake<T>)(object)proxy)._handlers = handlers;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _handlers.TryGetValue(targetMethod!.Name, out var handler)
            ? handler(args ?? [])
            : throw new NotSupportedException($"{typeof(T).Name}.{targetMethod.Name} is not set up in this test.");
}
