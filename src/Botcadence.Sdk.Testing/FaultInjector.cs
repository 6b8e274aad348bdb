using System.Text.RegularExpressions;
using Botcadence.ReferenceServer.Pipeline;

namespace Botcadence.Sdk.Testing;

/// <summary>A fault the server applied (see <see cref="FaultInjector.Injected"/>).</summary>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path, e.g. <c>/v1/workflows</c>.</param>
/// <param name="Fault">The fault.</param>
public sealed record InjectedFault(string Method, string Path, Fault Fault);

/// <summary>
/// Scripts failures of a <see cref="BotCadenceTestServer"/>: queued faults are applied in order, each to the next request
/// that matches its route (method and path pattern, or any request); a random fault rate with a seed applies to the rest.
/// Thread-safe. The kit's own seeding and state calls are never faulted.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(RouteMatcher Route, Fault Fault)> _queue = [];
    private readonly List<InjectedFault> _injected = [];
    private (double Rate, Random Random, IReadOnlyList<Fault> Faults, RouteMatcher Route)? _random;

    internal FaultInjector()
    {
    }

    /// <summary>How many queued faults have not been applied yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Every fault applied so far, in order.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_gate)
            {
                return _injected.ToList();
            }
        }
    }

    /// <summary>Applies <paramref name="fault"/> to the next request, whatever its route.</summary>
    /// <param name="fault">The fault.</param>
    public void Enqueue(Fault fault) => Enqueue(null, null, fault);

    /// <summary>Applies <paramref name="fault"/> to the next request of this route.</summary>
    /// <param name="method">The HTTP method (<c>POST</c>), or null / <c>*</c> for any.</param>
    /// <param name="pathPattern">
    /// The path, e.g. <c>/v1/workflows</c>; <c>*</c> or <c>{name}</c> matches one segment (<c>/v1/workflows/*/activate</c>),
    /// a trailing <c>/**</c> any rest. Null for any path.
    /// </param>
    /// <param name="fault">The fault.</param>
    public void Enqueue(string? method, string? pathPattern, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var route = new RouteMatcher(method, pathPattern);
        lock (_gate)
        {
            _queue.Add((route, fault));
        }
    }

    /// <summary>
    /// Applies one of <paramref name="faults"/> (chosen at random) to each matching request with probability
    /// <paramref name="rate"/>, reproducibly for a given <paramref name="seed"/> and request order. Queued faults come first.
    /// </summary>
    /// <param name="rate">The probability (0–1) that a request fails.</param>
    /// <param name="seed">The seed of the random sequence.</param>
    /// <param name="faults">The faults to choose from; <see cref="Fault.ServiceUnavailable"/> when empty.</param>
    /// <param name="method">Only requests with this method, or null for any.</param>
    /// <param name="pathPattern">Only requests matching this path pattern (as for <see cref="Enqueue(string, string, Fault)"/>), or null for any.</param>
    public void InjectRandomly(double rate, int seed, IEnumerable<Fault>? faults = null, string? method = null, string? pathPattern = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        var list = faults?.ToList() is { Count: > 0 } given ? given : [Fault.ServiceUnavailable];
#pragma warning disable CA5394 // not security: a reproducible test sequence
        lock (_gate)
        {
            _random = (rate, new Random(seed), list, new RouteMatcher(method, pathPattern));
        }
#pragma warning restore CA5394
    }

    /// <summary>Removes queued faults and the random rate; <see cref="Injected"/> is kept.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _random = null;
        }
    }

    internal FaultAction? Next(string method, string path, Action<FaultAction> arm)
    {
        lock (_gate)
        {
            for (var i = 0; i < _queue.Count; i++)
            {
                if (_queue[i].Route.Matches(method, path))
                {
                    var fault = _queue[i].Fault;
                    _queue.RemoveAt(i);
                    arm(fault.Action);
                    _injected.Add(new InjectedFault(method, path, fault));
                    return fault.Action;
                }
            }

#pragma warning disable CA5394 // not security: a reproducible test sequence
            if (_random is { } r && r.Route.Matches(method, path) && r.Random.NextDouble() < r.Rate)
            {
                var fault = r.Faults[r.Random.Next(r.Faults.Count)];
#pragma warning restore CA5394
                arm(fault.Action);
                _injected.Add(new InjectedFault(method, path, fault));
                return fault.Action;
            }

            return null;
        }
    }

    /// <summary>The server-side view of this injector.</summary>
    internal IFaultSource AsSource() => new Source(this);

    private sealed class Source(FaultInjector injector) : IFaultSource
    {
        public FaultAction? Next(string method, string path, Action<FaultAction> arm) => injector.Next(method, path, arm);
    }

    private sealed class RouteMatcher
    {
        private readonly string? _method;
        private readonly Regex? _path;

        public RouteMatcher(string? method, string? pathPattern)
        {
            _method = method is null or "*" ? null : method.Trim().ToUpperInvariant();
            if (pathPattern is not null)
            {
                var pattern = "/" + pathPattern.Trim().Trim('/');
                var regex = Regex.Escape(pattern)
                    .Replace("/\\*\\*", "(/.*)?", StringComparison.Ordinal)
                    .Replace("\\*", "[^/]+", StringComparison.Ordinal);
                regex = Regex.Replace(regex, @"\\\{[^/]*?}", "[^/]+");
                _path = new Regex("^" + regex + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        public bool Matches(string method, string path) =>
            (_method is null || string.Equals(_method, method, StringComparison.OrdinalIgnoreCase)) &&
            (_path is null || _path.IsMatch(path));
    }
}
