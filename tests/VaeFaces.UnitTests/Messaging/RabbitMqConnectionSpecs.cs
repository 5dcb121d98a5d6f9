using MassTransit.RabbitMqTransport.Configuration;
using VaeFaces.Messaging;

namespace VaeFaces.UnitTests.Messaging;

public class RabbitMqConnectionSpecs
{
    [Theory]
    [InlineData("amqp://bob:s%40cret@broker:5673/jobs", "broker", 5673, "jobs", "s@cret", false)]
    [InlineData("amqps://bob:pw@broker/jobs", "broker", 5671, "jobs", "pw", true)]
    [InlineData("amqp://bob:pw@broker", "broker", 5672, "/", "pw", false)]
    public void MassTransit_reads_every_part_of_the_address_and_turns_tls_on_for_amqps(
        string connectionString, string host, int port, string virtualHost, string password, bool tls)
    {
        var settings = new RabbitMqHostConfigurator(RabbitMqConnection.Parse(connectionString)).Settings;
        Assert.Equal((host, port, virtualHost, "bob", password, tls),
            (settings.Host, settings.Port, settings.VirtualHost, settings.Username, settings.Password, settings.Ssl));
    }

    [Theory]
    [InlineData("http://bob:hunter2@broker")]
    [InlineData("bob:hunter2@broker:5672")]
    public void A_bad_address_is_refused_without_repeating_its_password(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => RabbitMqConnection.Parse(connectionString));
        Assert.Contains("ConnectionStrings:RabbitMq", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
