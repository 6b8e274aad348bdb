#if !NET9_0_OR_GREATER
// The server targets net8.0 as well (for Botcadence.Sdk.Testing); this stands in for net9's System.Threading.Lock.
namespace System.Threading;

/// <summary>net8.0 stand-in for <c>System.Threading.Lock</c>, on the object's monitor.</summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    /// <summary>Enters the lock; the compiler calls this for <c>lock (gate)</c>.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>Leaves the lock when disposed.</summary>
    public readonly ref struct Scope
    {
        private readonly object _owner;

        internal Scope(object owner) => _owner = owner;

        /// <summary>Leaves the lock.</summary>
        public void Dispose() => Monitor.Exit(_owner);
    }
}
#endif
