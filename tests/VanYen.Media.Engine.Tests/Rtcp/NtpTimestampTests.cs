using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Tests.Rtcp;

public class NtpTimestampTests
{
    [Fact]
    public void TheUnixEpochIs2208988800SecondsIntoTheNtpEra()
    {
        NtpTimestamp ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);
        Assert.Equal(2_208_988_800u, ntp.Seconds);
        Assert.Equal(0u, ntp.Fraction);
    }

    [Fact]
    public void HalfASecondIsTheTopFractionBit()
    {
        NtpTimestamp ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));
        Assert.Equal(0x8000_0000u, ntp.Fraction);
        Assert.Equal((ntp.Seconds << 16) | 0x8000u, ntp.Compact);
    }

    [Fact]
    public void Era1BeginsOn7February2036()
    {
        var eraOne = new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero);
        NtpTimestamp ntp = NtpTimestamp.FromDateTimeOffset(eraOne.AddSeconds(10));
        Assert.Equal(10u, ntp.Seconds);
        Assert.Equal(eraOne.AddSeconds(10), ntp.ToDateTimeOffset());
    }

    [Fact]
    public void ConversionRoundTripsToWithinATick()
    {
        var time = new DateTimeOffset(2025, 6, 15, 12, 34, 56, 789, TimeSpan.Zero).AddTicks(1234);
        DateTimeOffset back = NtpTimestamp.FromDateTimeOffset(time).ToDateTimeOffset();
        Assert.InRange((time - back).Ticks, 0, 1);
    }

    [Fact]
    public void NowReadsTheTimeProvidersWallClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(NtpTimestamp.FromDateTimeOffset(time.GetUtcNow()), NtpTimestamp.Now(time));
    }

    [Fact]
    public void CompactDurationsAreSixtyFiveThousandFiveHundredThirtySixthsOfASecond()
    {
        Assert.Equal(98_304u, NtpTimestamp.DurationToCompact(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(0u, NtpTimestamp.DurationToCompact(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, NtpTimestamp.DurationToCompact(TimeSpan.FromDays(2)));
        Assert.Equal(TimeSpan.FromSeconds(5.25), NtpTimestamp.CompactToDuration(0x0005_4000));
    }
}
