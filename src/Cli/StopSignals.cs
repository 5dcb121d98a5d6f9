using System.Runtime.InteropServices;

namespace VaeFaces.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (timeout, docker stop, systemd) cancel the running command, which stops its job (training
/// saves a checkpoint) and exits 130 or 143 as a shell expects. A second signal ends the process at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration[] registrations;

    public StopSignals()
    {
        registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    public CancellationToken Token => stop.Token;
    public PosixSignal? Received { get; private set; }

    /// <summary>128 + the signal number, the shell's convention.</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? 143 : 130;

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        if (Received is not null) return;
        context.Cancel = true;
        Received = signal;
        stop.Cancel();
    });

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        stop.Dispose();
    }
}
