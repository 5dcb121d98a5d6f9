using VaeFaces.Ml.Model;

namespace VaeFaces.Cli.Benchmarks;

/// <summary>What a measurement ran on: CPU model and family (machines of one kind differ), cores, device, forced oneDNN ISA.</summary>
public static class MachineDescription
{
    public static string Current()
    {
        var cpuInfo = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Take(30).ToList() : [];
        string? Field(string name) => cpuInfo.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var isa = Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA");
        return $"{Field("model name") ?? "unknown CPU"} (family {Field("cpu family") ?? "?"}), {Environment.ProcessorCount} cores, " +
            $"{Devices.Best().type}, ONEDNN_MAX_CPU_ISA {(string.IsNullOrEmpty(isa) ? "unset" : isa)}";
    }
}
