#if !NET9_0_OR_GREATER
// The server targets net8.0 as well (for Botcadence.Sdk.Testing); these stand in for the few newer static APIs it uses.
namespace Botcadence.ReferenceServer.Core;

/// <summary>net8.0 stand-ins for newer static APIs.</summary>
internal static class Net8Compat
{
    extension(Convert)
    {
        /// <summary><c>Convert.ToHexStringLower</c> (net9.0+).</summary>
        public static string ToHexStringLower(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
#endif
