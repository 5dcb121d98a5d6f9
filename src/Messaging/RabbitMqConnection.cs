namespace VaeFaces.Messaging;

/// <summary>
/// ConnectionStrings:RabbitMq as a URI for MassTransit's own host configuration, which reads the user, password,
/// port and virtual host from it and turns TLS on for amqps:// (port 5671).
/// </summary>
public static class RabbitMqConnection
{
    public const string Name = "RabbitMq";

    public static Uri Parse(string connectionString) =>
        Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "rabbitmq" or "rabbitmqs"
            // The value is not repeated: it holds the password.
            ? uri
            : throw new FormatException($"ConnectionStrings:{Name} is not an amqp://user:password@host:port/vhost (or amqps://) address");
}
