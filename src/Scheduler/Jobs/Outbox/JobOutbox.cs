using Dapper;
using Npgsql;

namespace VaeFaces.Scheduler.Jobs.Outbox;

/// <summary>
/// Commands waiting to be sent (table job_outbox). A command is added in the transaction that records its job, so a
/// crash leaves either both or neither; the dispatcher sends it afterwards. MassTransit's transactional outbox would do
/// this, but it needs EF Core (MassTransit.EntityFrameworkCore), which this registry does not serve; the stores are
/// Dapper, so the outbox is too.
/// </summary>
public sealed class JobOutbox(NpgsqlDataSource database)
{
    public sealed record Message(long Id, Guid JobId, string Kind, string Command);

    /// <summary>Adds the job's command unless one is waiting unsent already (a repeated submission adds nothing).</summary>
    public static Task AddAsync(NpgsqlTransaction transaction, Guid jobId, string kind, string command, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            insert into job_outbox (job_id, kind, command, created_at)
            select @jobId, @kind, @command::jsonb, now()
            where not exists (select 1 from job_outbox where job_id = @jobId and sent_at is null)
            """, new { jobId, kind, command }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Sends up to limit unsent commands, oldest first, each stamped sent in the same transaction that holds its row
    /// (skip locked: two Schedulers never take the same row). A failed send is recorded on its row and rethrown after
    /// the rows sent before it are committed; a crash before the commit sends them again (at least once). Returns the
    /// number sent.
    /// </summary>
    public async Task<int> SendAsync(Func<Message, Task> send, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var messages = (await connection.QueryAsync<Message>(new CommandDefinition("""
            select id, job_id, kind, command::text as command from job_outbox where sent_at is null
            order by id limit @limit for update skip locked
            """, new { limit }, transaction, cancellationToken: cancellationToken))).ToList();
        var sent = 0;
        foreach (var message in messages)
        {
            try
            {
                await send(message);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "update job_outbox set attempts = attempts + 1, last_error = @error where id = @Id",
                    new { message.Id, error = error.Message }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                throw;
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "update job_outbox set sent_at = now(), attempts = attempts + 1 where id = @Id", message, transaction,
                cancellationToken: cancellationToken));
            sent++;
        }
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    /// <summary>Deletes rows sent longer ago than the retention.</summary>
    public async Task<int> DeleteSentAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(new CommandDefinition(
            "delete from job_outbox where sent_at < now() - make_interval(secs => @seconds)",
            new { seconds = retention.TotalSeconds }, cancellationToken: cancellationToken));
    }
}
