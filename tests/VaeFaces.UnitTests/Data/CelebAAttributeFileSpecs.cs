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
