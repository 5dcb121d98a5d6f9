using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace VaeFaces.Ml.Numerics;

/// <summary>
/// Reads and writes float32 arrays in NumPy's .npy format
/// (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html) so that latents, losses and samples
/// can be inspected with numpy.load. Only little-endian float32 in C order is supported.
/// </summary>
public static class Npy
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int Alignment = 64;
    private const string Float32 = "<f4";

    /// <summary>Writes a version 1.0 file with dtype '&lt;f4' in C order. The stream is left open.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(shape);
        var count = ElementCount(shape, message => new ArgumentException(message, nameof(shape)));
        if (count != data.Length)
            throw new ArgumentException($"Shape {FormatShape(shape)} holds {count} elements but data has {data.Length}.", nameof(shape));

        stream.Write(Preamble(shape));
        // '<f4' is the memory layout itself: every platform this runs on (x64, arm64) is little-endian.
        stream.Write(MemoryMarshal.AsBytes(data));
    }

    /// <summary>
    /// Reads a file with dtype '&lt;f4' and fortran_order False (header versions 1.0, 2.0 and 3.0).
    /// Throws InvalidDataException for a malformed or truncated file and NotSupportedException for another dtype or order.
    /// </summary>
    public static (float[] Data, int[] Shape) Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = ReadHeader(stream);
        var (descr, fortranOrder, shape) = NpyHeader.Parse(header);
        if (descr != Float32)
            throw new NotSupportedException($"Only '{Float32}' (little-endian float32) arrays are supported, not '{descr}'.");
        if (fortranOrder)
            throw new NotSupportedException("Fortran-ordered arrays are not supported.");

        var count = ElementCount(shape, message => new InvalidDataException(message));
        var data = new float[count];
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The .npy data ends before the {count} float32 values of shape {FormatShape(shape)}.", e);
        }
        return (data, shape);
    }

    /// <summary>Magic, version 1.0, header length and the space-padded, newline-terminated header dictionary.</summary>
    private static byte[] Preamble(int[] shape)
    {
        var dict = $"{{'descr': '{Float32}', 'fortran_order': False, 'shape': {FormatShape(shape)}, }}";
        const int prefixLength = 6 + 2 + 2;
        var padding = (Alignment - (prefixLength + dict.Length + 1) % Alignment) % Alignment;
        var headerLength = dict.Length + padding + 1;
        if (headerLength > ushort.MaxValue)
            throw new ArgumentException("The shape is too long for a version 1.0 header.", nameof(shape));

        var bytes = new byte[prefixLength + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        Encoding.ASCII.GetBytes(dict, bytes.AsSpan(prefixLength));
        bytes.AsSpan(prefixLength + dict.Length, padding).Fill((byte)' ');
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static string ReadHeader(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[8];
        ReadOrThrow(stream, prefix, "magic string and version");
        if (!prefix[..6].SequenceEqual(Magic))
            throw new InvalidDataException("Not a .npy file: the magic string \\x93NUMPY is missing.");

        var (major, minor) = (prefix[6], prefix[7]);
        // 1.0 has a uint16 header length; 2.0 widens it to uint32; 3.0 also allows UTF-8 in the header.
        var lengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new NotSupportedException($".npy format version {major}.{minor} is not supported."),
        };
        Span<byte> lengthBytes = stackalloc byte[4];
        ReadOrThrow(stream, lengthBytes[..lengthSize], "header length");
        var headerLength = lengthSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (headerLength > 1 << 20)
            throw new InvalidDataException($"The .npy header length {headerLength} is implausibly large.");

        var header = new byte[headerLength];
        ReadOrThrow(stream, header, "header");
        return (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(header);
    }

    private static void ReadOrThrow(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The .npy file ends inside its {what}.", e);
        }
    }

    private static int ElementCount(int[] shape, Func<string, Exception> error)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0) throw error($"Shape {FormatShape(shape)} has a negative dimension.");
            count *= dimension;
            if (count > Array.MaxLength) throw error($"Shape {FormatShape(shape)} has too many elements for one array.");
        }
        return (int)count;
    }

    /// <summary>A Python tuple literal: (), (5,) or (3, 4).</summary>
    internal static string FormatShape(IReadOnlyList<int> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => $"({string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})",
    };
}
