using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Broadcast;

public class ClusterLevelMeterTests
{
    private static readonly byte[] s_payload = [0xF8, 0xFF, 0xFE];

    [Fact]
    public void ASineAtHalfScaleMeasuresItsRmsAndPeakInDbfs()
    {
        var channel = new ClusterChannel(7);
        var meter = new ClusterLevelMeter();
        using IDisposable attachment = channel.Attach(meter);
        short[] pcm = Sine(amplitude: 16384, hertz: 1000);
        for (int i = 0; i < 10; i++)
        {
            channel.Publish("program", s_payload, pcm);
        }

        ClusterLevel level = meter.Take();

        // A sine's RMS is its amplitude / √2: 0.5 / √2 → -9.03 dBFS; its peak 0.5 → -6.02 dBFS.
        Assert.Equal(-9.03, level.RmsDbfs, precision: 1);
        Assert.Equal(-6.02, level.PeakDbfs, precision: 1);
        Assert.True(level.OnAir);
        Assert.Equal(10, level.Frames);
    }

    [Fact]
    public void TakeStartsAFreshWindowSoAnIdleClusterReadsAsSilenceAndOffAir()
    {
        var channel = new ClusterChannel(7);
        var meter = new ClusterLevelMeter();
        using IDisposable attachment = channel.Attach(meter);
        channel.Publish("program", s_payload, Sine(amplitude: 30000, hertz: 440));
        Assert.True(meter.Take().PeakDbfs > -1);

        channel.Publish(null, s_payload, new short[960]);
        ClusterLevel idle = meter.Take();

        Assert.False(idle.OnAir);
        Assert.Equal(ClusterLevelMeter.SilenceDbfs, idle.RmsDbfs);
        Assert.Equal(ClusterLevelMeter.SilenceDbfs, idle.PeakDbfs);
        Assert.Equal(1, idle.Frames);
        Assert.Equal(0, meter.Take().Frames);
    }

    [Fact]
    public void AQuieterProgramReadsLowerByItsGainInDecibels()
    {
        var meter = new ClusterLevelMeter();
        var channel = new ClusterChannel(7);
        using IDisposable attachment = channel.Attach(meter);
        channel.Publish("loud", s_payload, Sine(amplitude: 20000, hertz: 300));
        double loud = meter.Take().RmsDbfs;
        channel.Publish("quiet", s_payload, Sine(amplitude: 2000, hertz: 300));
        double quiet = meter.Take().RmsDbfs;

        Assert.Equal(20, loud - quiet, precision: 1);
    }

    [Fact]
    public void MeteringATickAllocatesNothing()
    {
        var channel = new ClusterChannel(7);
        var meter = new ClusterLevelMeter();
        using IDisposable attachment = channel.Attach(meter);
        short[] pcm = Sine(amplitude: 12000, hertz: 500);
        short[] zeros = new short[960];

        AllocationBudget.AssertZero(() =>
        {
            channel.Publish("program", s_payload, pcm);
            channel.Publish(null, s_payload, zeros);
            _ = meter.Take();
        });
    }

    private static short[] Sine(double amplitude, double hertz)
    {
        var pcm = new short[960];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * hertz * i / 48000));
        }

        return pcm;
    }
}
