using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Data;

public class CelebAPartitionFileSpecs
{
    private static IReadOnlyDictionary<string, Split> Parse(string text) => CelebAPartitionFile.Parse(new StringReader(text), "list_eval_partition.txt");

    [Fact]
    public void Parses_the_three_splits()
    {
        var partitions = Parse("a.jpg 0\nb.jpg 1\nc.jpg  2\n");
        Assert.Equal(Split.Train, partitions["a.jpg"]);
        Assert.Equal(Split.Validation, partitions["b.jpg"]);
        Assert.Equal(Split.Test, partitions["c.jpg"]);
    }

    [Theory]
    [InlineData("a.jpg 0\nb.jpg 3\n", 2, "partition is '3'")]
    [InlineData("a.jpg 0\nb.jpg\n", 2, "expected 2 fields")]
    [InlineData("a.jpg 0\na.jpg 1\n", 2, "listed twice")]
    public void Bad_rows_name_the_line(string text, int line, string problem)
    {
        var error = Assert.Throws<DatasetException>(() => Parse(text));
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("/dev/zero")]
    [InlineData("a/b.jpg")]
    [InlineData("..")]
    public void An_image_name_that_is_not_a_plain_file_name_is_refused_naming_the_line(string name)
    {
        var error = Assert.Throws<DatasetException>(() => Parse($"a.jpg 0\n{name} 1\n"));
        Assert.Equal(2, error.Line);
        Assert.StartsWith($"list_eval_partition.txt line 2: image name '{name}' must be a plain file name", error.Message);
    }
}
