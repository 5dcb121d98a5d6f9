using TorchSharp;

namespace VaeFaces.Ml.Model;

public static class Devices
{
    /// <summary>CUDA when the native backend has it and a GPU is present, else CPU.</summary>
    public static torch.Device Best() => torch.cuda.is_available() ? torch.CUDA : torch.CPU;
}
