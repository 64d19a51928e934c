using CustomerAnalytics.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace CustomerAnalytics.Tests.Torch;

[Collection(CustomerAnalytics.Tests.Sequences.TorchTrainingCollection.Name)]
public sealed class ModelCheckpointTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("checkpoint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static nn.Module<Tensor, Tensor> Network(int seed)
    {
        TorchDevice.Select();
        TorchDevice.Seed(seed);
        return nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2));
    }

    private static float[] Weights(nn.Module module) => module.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Fact]
    public void InMemoryRestoresTheSavedWeightsAndFailsBeforeTheFirstSave()
    {
        using var network = Network(1);
        using var best = new ModelCheckpoint();
        var error = Assert.Throws<InvalidOperationException>(() => best.Restore(network));
        Assert.Contains("call Save", error.Message);
        best.Save(network);
        var saved = Weights(network);
        using (no_grad()) foreach (var p in network.parameters()) p.add_(1.0);
        Assert.NotEqual(saved, Weights(network));
        best.Restore(network);
        Assert.Equal(saved, Weights(network));
        Assert.Null(best.Path);
    }

    [Fact]
    public void KeptWeightsAreCpuCopiesThatLaterTrainingDoesNotChange()
    {
        using var network = Network(2);
        using var best = new ModelCheckpoint();
        best.Save(network);
        var saved = Weights(network);
        using (no_grad()) foreach (var p in network.parameters()) p.mul_(3.0); // in place, as an optimiser step is
        using var other = Network(3);
        best.Restore(other, CPU);
        Assert.Equal(saved, Weights(other));
    }

    [Fact]
    public void AFileWrittenFromOneDeviceSettingLoadsWithTheOtherOntoTheTargetDevice()
    {
        // Training device: whatever TorchDevice chose (a GPU on a workshop machine); target: the CPU of a laptop.
        using var trained = Network(4);
        trained.to(TorchDevice.Current);
        var checkpoint = new ModelCheckpoint(Path.Combine(folder, "sub", "best.bin"));
        Assert.False(checkpoint.Exists);
        checkpoint.Save(trained);
        Assert.True(checkpoint.Exists);
        Assert.Equal(["best.bin"], Directory.GetFiles(Path.Combine(folder, "sub")).Select(Path.GetFileName)); // no temporary file left

        using var onCpu = Network(5);
        checkpoint.Restore(onCpu, CPU);
        Assert.Equal(Weights(trained), Weights(onCpu));
        Assert.All(onCpu.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));

        // And back: weights saved from a CPU copy load into a module that lives on the training device.
        using var back = Network(6);
        back.to(TorchDevice.Current);
        ModelCheckpoint.Load(back, checkpoint.Path!);
        Assert.Equal(Weights(trained), Weights(back));
        Assert.All(back.parameters(), p => Assert.Equal(TorchDevice.Current.type, p.device_type));
    }

    [Fact]
    public void RestoringAMissingFileSaysToTrainFirst()
    {
        using var network = Network(7);
        var error = Assert.Throws<InvalidOperationException>(() => new ModelCheckpoint(Path.Combine(folder, "none.bin")).Restore(network));
        Assert.Contains("train the model first", error.Message);
    }

    [Fact]
    public void ACutOrForeignWeightsFileIsAModelFileErrorNamingIt()
    {
        using var network = Network(8);
        var path = Path.Combine(folder, "cut.bin");
        var checkpoint = new ModelCheckpoint(path);
        checkpoint.Save(network);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); // what a crash in place used to leave

        var cut = Assert.Throws<ModelFileException>(() => checkpoint.Restore(network));
        Assert.Equal(path, cut.Path);
        Assert.StartsWith($"{path} cannot be loaded as this model's weights (", cut.Message);
        Assert.Contains("delete it and train again", cut.Message);

        using var other = nn.Sequential(nn.Linear(5, 2));
        var foreign = Path.Combine(folder, "other.bin");
        new ModelCheckpoint(foreign).Save(other);
        var wrong = Assert.Throws<ModelFileException>(() => ModelCheckpoint.Load(network, foreign));
        Assert.Equal(foreign, wrong.Path);
    }
}
