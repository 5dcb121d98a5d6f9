using System.Security.Cryptography;
using System.Text;

namespace VaeFaces.Scheduler.Access;

public static class Secrets
{
    /// <summary>
    /// Whether a given secret equals the configured one. Hashes of equal length compared in constant time: the time
    /// taken tells neither the secret nor its length.
    /// </summary>
    public static bool Match(string? given, string expected) => given is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
