using System.Globalization;

namespace VaeFaces.Ml.Numerics;

/// <summary>
/// Parses the header of a .npy file: a Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>, padded with spaces and ended by a newline.
/// Only the literals NumPy writes there are understood: strings, True/False and tuples of integers.
/// </summary>
internal sealed class NpyHeader
{
    private readonly string text;
    private int position;

    private NpyHeader(string text) => this.text = text;

    public static (string Descr, bool FortranOrder, int[] Shape) Parse(string header)
    {
        var parser = new NpyHeader(header);
        string? descr = null;
        bool? fortranOrder = null;
        int[]? shape = null;

        parser.Expect('{');
        while (!parser.TryConsume('}'))
        {
            var key = parser.ReadString();
            parser.Expect(':');
            switch (key)
            {
                case "descr": descr = parser.ReadString(); break;
                case "fortran_order": fortranOrder = parser.ReadBool(); break;
                case "shape": shape = parser.ReadShape(); break;
                default: throw parser.Error($"unexpected key '{key}'");
            }
            // A trailing comma before '}' is what NumPy writes.
            if (!parser.TryConsume(',')) { parser.Expect('}'); break; }
        }
        parser.SkipWhitespace();
        if (parser.position != header.Length) throw parser.Error("unexpected text after the dictionary");

        return (descr ?? throw parser.Error("missing 'descr'"),
            fortranOrder ?? throw parser.Error("missing 'fortran_order'"),
            shape ?? throw parser.Error("missing 'shape'"));
    }

    private string ReadString()
    {
        SkipWhitespace();
        if (position >= text.Length || (text[position] != '\'' && text[position] != '"'))
            throw Error("expected a quoted string");
        var quote = text[position++];
        var end = text.IndexOf(quote, position);
        if (end < 0) throw Error("unterminated string");
        var value = text[position..end];
        position = end + 1;
        return value;
    }

    private bool ReadBool()
    {
        SkipWhitespace();
        if (TryConsumeWord("True")) return true;
        if (TryConsumeWord("False")) return false;
        throw Error("expected True or False");
    }

    private int[] ReadShape()
    {
        Expect('(');
        var dimensions = new List<int>();
        while (!TryConsume(')'))
        {
            dimensions.Add(ReadInt());
            if (!TryConsume(',')) { Expect(')'); break; }
        }
        return [.. dimensions];
    }

    private int ReadInt()
    {
        SkipWhitespace();
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
        if (!int.TryParse(text.AsSpan(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Error("expected a non-negative integer dimension");
        TryConsumeWord("L"); // Python 2 wrote long integers as 3L.
        return value;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c)) throw Error($"expected '{c}'");
    }

    private bool TryConsume(char c)
    {
        SkipWhitespace();
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }
        return false;
    }

    private bool TryConsumeWord(string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0) return false;
        position += word.Length;
        return true;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }

    private InvalidDataException Error(string what) =>
        new($"Malformed .npy header ({what} at offset {position}): {text.TrimEnd()}");
}
