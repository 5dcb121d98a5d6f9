using VaeFaces.Cli.Pipeline;
using VaeFaces.Contracts;

namespace VaeFaces.UnitTests.Contracts;

/// <summary>
/// Job ids already given out must not change: the expected Guids were computed by the Scheduler's and the CLI's own
/// implementations before they became one helper.
/// </summary>
public class NameGuidSpecs
{
    [Theory]
    [InlineData("schedule:nightly:2026-01-01T03:00Z", "77787fa0-93d5-5082-89dd-3f778c3f513d")]
    [InlineData("chain:11111111-2222-3333-4444-555555555555:ComputeLatentStatistics", "f3e061d3-7c72-5703-bdcf-61b0acb61d31")]
    public void The_schedulers_ids_are_those_it_always_made(string name, string expected)
    {
        var id = NameGuid.FromNameWithVersion5Bits(name);
        Assert.Equal(Guid.Parse(expected), id);
        Assert.Equal(5, id.Version);
    }

    [Fact]
    public void The_cli_pipelines_ids_are_those_it_always_made()
    {
        var expected = Guid.Parse("cf499801-3385-ce9f-b781-199a4545f2f2");
        Assert.Equal(expected, NameGuid.FromName("""TrainModel|00000000-0000-0000-0000-000000000000|{"a":1}"""));
        Assert.Equal(expected, JobIds.For($"TrainModel|{Guid.Empty}", new { a = 1 }));
    }

    [Fact]
    public void The_two_differ_only_in_the_version_and_variant_bits()
    {
        const string name = "schedule:nightly:2026-01-01T03:00Z";
        var plain = NameGuid.FromName(name).ToByteArray();
        var marked = NameGuid.FromNameWithVersion5Bits(name).ToByteArray();
        Assert.Equal(plain[..7], marked[..7]);
        Assert.Equal(plain[9..], marked[9..]);
        Assert.Equal(plain[7] & 0x0F, marked[7] & 0x0F);
        Assert.NotEqual(NameGuid.FromName(name), NameGuid.FromName(name + " "));
    }
}
