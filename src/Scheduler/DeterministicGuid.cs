using System.Security.Cryptography;
using System.Text;

namespace VaeFaces.Scheduler;

/// <summary>A Guid derived from a name, so a repeated fire or chain step gets the same JobId (the idempotency key).</summary>
public static class DeterministicGuid
{
    public static Guid From(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 layout (name-based), little-endian Guid byte order
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
