using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Data;

public class CelebAAttributeFileSpecs
{
    private static AttributeTable Parse(string text) => CelebAAttributeFile.Parse(new StringReader(text), "list_attr_celeba.txt");

    [Fact]
    public void Parses_irregular_spacing_like_the_real_file()
    {
        var table = Parse("2\nSmiling Male \n000001.jpg  1 -1\n000002.jpg -1  1\n");
        Assert.Equal(["Smiling", "Male"], table.Names);
        Assert.Equal(["000001.jpg", "000002.jpg"], table.Files);
        Assert.Equal([1, -1], table.Values[0]);
        Assert.Equal([-1, 1], table.Values[1]);
    }

    [Fact]
    public void Truncated_file_names_the_file_and_the_counts()
    {
        var error = Assert.Throws<DatasetException>(() => Parse("3\nSmiling Male\n000001.jpg 1 -1\n000002.jpg -1 1\n"));
        Assert.Equal("list_attr_celeba.txt", error.File);
        Assert.Contains("header says 3 images but the file has 2 rows", error.Message);
    }

    [Fact]
    public void Wrong_column_count_names_the_line()
    {
        var error = Assert.Throws<DatasetException>(() => Parse("2\nSmiling Male\n000001.jpg 1 -1\n000002.jpg -1\n"));
        Assert.Equal(4, error.Line);
        Assert.StartsWith("list_attr_celeba.txt line 4: expected 3 fields", error.Message);
    }

    [Fact]
    public void Bad_value_names_the_line_and_the_attribute()
    {
        var error = Assert.Throws<DatasetException>(() => Parse("1\nSmiling Male\n000001.jpg 1 0\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("'Male'", error.Message);
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("../../etc/passwd")]
    [InlineData("/dev/zero")]
    [InlineData("sub/000001.jpg")]
    [InlineData("sub\\000001.jpg")]
    [InlineData("..")]
    [InlineData(".")]
    public void An_image_name_that_is_not_a_plain_file_name_is_refused_naming_the_line(string name)
    {
        var error = Assert.Throws<DatasetException>(() => Parse($"2\nSmiling Male\n000001.jpg 1 -1\n{name} -1 1\n"));
        Assert.Equal(4, error.Line);
        Assert.Equal($"list_attr_celeba.txt line 4: image name '{name}' must be a plain file name (no '/' or '\\', not '.' or '..', no control characters)",
            error.Message);
    }

    [Fact]
    public void A_control_character_in_an_image_name_is_refused_and_shown_escaped()
    {
        var error = Assert.Throws<DatasetException>(() => Parse("1\nSmiling\nx\u0000y.jpg 1\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("image name 'x\\u0000y.jpg' must be a plain file name", error.Message);
    }

    [Fact]
    public void Bad_count_line_is_line_one()
    {
        Assert.Equal(1, Assert.Throws<DatasetException>(() => Parse("two\nSmiling\n")).Line);
    }

    [Fact]
    public void Written_file_parses_back_to_the_same_table()
    {
        var table = new AttributeTable(["A", "B", "C"], ["x.jpg", "y.jpg"], [[1, -1, 1], [-1, -1, 1]]);
        var text = new StringWriter();
        CelebAAttributeFile.Write(text, table);
        var back = Parse(text.ToString());
        Assert.Equal(table.Names, back.Names);
        Assert.Equal(table.Files, back.Files);
        Assert.Equal(table.Values[1], back.Values[1]);
    }
}
