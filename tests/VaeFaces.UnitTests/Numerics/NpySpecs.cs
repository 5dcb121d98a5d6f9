using System.Text;
using VaeFaces.Ml.Numerics;

namespace VaeFaces.UnitTests.Numerics;

public class NpySpecs
{
    // The spec's preamble for a (3, 4) float32 array: 59 characters of dict, 58 spaces and '\n' make the
    // header 118 bytes, so magic (6) + version (2) + length (2) + header is 128, a multiple of 64.
    private const string Header34 = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";

    [Fact]
    public void Header_is_exactly_what_the_format_specifies()
    {
        var bytes = Write(new float[12], 3, 4);

        byte[] expectedPrefix = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0];
        Assert.Equal(expectedPrefix, bytes[..10]);
        var expectedHeader = Header34 + new string(' ', 58) + "\n";
        Assert.Equal(expectedHeader, Encoding.ASCII.GetString(bytes, 10, 118));
        Assert.Equal(128 + 12 * 4, bytes.Length);
    }

    [Fact]
    public void Preamble_length_is_a_multiple_of_64_and_the_header_ends_with_a_newline()
    {
        foreach (int[] shape in new[] { new[] { 1 }, new[] { 12345678 }, new[] { 2, 3, 4, 5, 6, 7, 8 }, [] })
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            var bytes = Write(new float[count], shape);
            var headerLength = bytes[8] | bytes[9] << 8;
            Assert.Equal(0, (10 + headerLength) % 64);
            Assert.Equal((byte)'\n', bytes[10 + headerLength - 1]);
            Assert.Equal(10 + headerLength + count * 4, bytes.Length);
        }
    }

    [Fact]
    public void One_dimensional_shape_is_a_one_element_python_tuple()
    {
        var bytes = Write(new float[5], 5);

        // 57 characters of dict + 60 spaces + '\n' = 118, again a 128-byte preamble.
        Assert.Equal([118, 0], bytes[8..10]);
        var expected = "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }" + new string(' ', 60) + "\n";
        Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 10, 118));
    }

    [Fact]
    public void Scalar_shape_is_an_empty_tuple()
    {
        var bytes = Write([7f]);

        Assert.Contains("'shape': (), }", Encoding.ASCII.GetString(bytes, 10, bytes[8] | bytes[9] << 8));
    }

    [Fact]
    public void Data_is_little_endian_float32_after_the_preamble()
    {
        var bytes = Write([1.5f, -2f, 0.1f], 3);

        byte[] expected = [0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0, 0xCD, 0xCC, 0xCC, 0x3D];
        Assert.Equal(expected, bytes[^12..]);
    }

    [Fact]
    public void Round_trip_keeps_values_and_shape()
    {
        var random = new Random(3);
        var data = Enumerable.Range(0, 2 * 3 * 4).Select(_ => (float)(random.NextDouble() * 200 - 100)).ToArray();
        data[5] = float.NaN;
        data[6] = float.NegativeInfinity;

        var (read, shape) = Npy.Read(new MemoryStream(Write(data, 2, 3, 4)));

        Assert.Equal([2, 3, 4], shape);
        Assert.Equal(data.Select(BitConverter.SingleToInt32Bits), read.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Round_trip_of_an_empty_array()
    {
        var (read, shape) = Npy.Read(new MemoryStream(Write([], 0, 3)));

        Assert.Empty(read);
        Assert.Equal([0, 3], shape);
    }

    [Fact]
    public void Shape_that_does_not_match_the_data_throws()
    {
        Assert.Throws<ArgumentException>(() => Npy.Write(new MemoryStream(), new float[6], 2, 4));
        Assert.Throws<ArgumentException>(() => Npy.Write(new MemoryStream(), new float[6], 6, -1));
    }

    [Fact]
    public void Stream_is_left_open_and_at_the_end_of_the_array()
    {
        var stream = new MemoryStream();
        Npy.Write(stream, [1f, 2f], 2);
        stream.WriteByte(42);

        stream.Position = 0;
        var (data, _) = Npy.Read(stream);

        Assert.Equal([1f, 2f], data);
        Assert.Equal(42, stream.ReadByte());
    }

    [Fact]
    public void Reads_a_version_2_header_with_double_quotes_and_no_trailing_comma()
    {
        // Hand-built: version 2.0 has a uint32 header length.
        var header = "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (1, 2)}";
        var padded = header + new string(' ', 64 - (12 + header.Length + 1) % 64) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0 };
        bytes.AddRange(BitConverter.GetBytes((uint)padded.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(padded));
        bytes.AddRange([0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0]);

        var (data, shape) = Npy.Read(new MemoryStream([.. bytes]));

        Assert.Equal([1, 2], shape);
        Assert.Equal([1.5f, -2f], data);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", typeof(NotSupportedException))]
    [InlineData("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", typeof(NotSupportedException))]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", typeof(NotSupportedException))]
    [InlineData("{'descr': '<f4', 'fortran_order': False, }", typeof(InvalidDataException))]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }", typeof(InvalidDataException))]
    [InlineData("not a dict", typeof(InvalidDataException))]
    public void Unsupported_or_malformed_headers_throw(string header, Type exception)
    {
        var bytes = Version1(header, new byte[8]);

        Assert.Throws(exception, () => Npy.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Bad_magic_throws()
    {
        var bytes = Write([1f], 1);
        bytes[1] = (byte)'X';

        Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Truncated_data_throws()
    {
        var bytes = Write([1f, 2f, 3f], 3);

        Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes[..^2])));
        Assert.Throws<InvalidDataException>(() => Npy.Read(new MemoryStream(bytes[..20])));
    }

    [Fact]
    public void Unknown_version_throws()
    {
        var bytes = Write([1f], 1);
        bytes[6] = 9;

        Assert.Throws<NotSupportedException>(() => Npy.Read(new MemoryStream(bytes)));
    }

    private static byte[] Write(float[] data, params int[] shape)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, data, shape);
        return stream.ToArray();
    }

    private static byte[] Version1(string header, byte[] data)
    {
        var padded = header + new string(' ', (64 - (10 + header.Length + 1) % 64) % 64) + "\n";
        byte[] prefix = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)padded.Length, (byte)(padded.Length >> 8)];
        return [.. prefix, .. Encoding.ASCII.GetBytes(padded), .. data];
    }
}
