using System.Security.Cryptography;

namespace Botcadence.ReferenceServer.Core;

/// <summary>Opaque identifiers: a type prefix plus lower-case hex.</summary>
internal static class Ids
{
    public static string New(string prefix) => prefix + "_" + Hex(8);

    public static string ApiKey() => "sk_test_" + Hex(16);

    public static string RequestId() => "req_" + Hex(12);

    public static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
