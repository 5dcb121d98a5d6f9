using System.Security.Cryptography;
using System.Text;

namespace VaeFaces.Contracts;

/// <summary>
/// Guids derived from a name: the first 16 bytes of the SHA-256 of its UTF-8 text, so the same name always gives the
/// same JobId (the idempotency key of a repeated schedule fire, chain step or pipeline rerun). This is not an RFC 4122
/// version 5 UUID, which hashes a namespace and the name with SHA-1.
/// </summary>
public static class NameGuid
{
    /// <summary>The hash's bytes as they are (the CLI pipeline's job ids).</summary>
    public static Guid FromName(string name) => new(Hash(name));

    /// <summary>
    /// The hash with the version nibble set to 5 and the RFC 4122 variant bits, as the Scheduler's schedule and chain
    /// job ids have always been made: they only look like version 5, and stay that way so that their ids do not change.
    /// </summary>
    public static Guid FromNameWithVersion5Bits(string name)
    {
        var bytes = Hash(name);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // Guid byte order is little-endian: byte 7 holds the version nibble
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static byte[] Hash(string name) => SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
}
