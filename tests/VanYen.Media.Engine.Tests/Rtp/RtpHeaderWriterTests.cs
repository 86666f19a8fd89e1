using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Tests.Rtp;

public class RtpHeaderWriterTests
{
    [Fact]
    public void WritingTheChromeAudioHeaderReproducesItsBytes()
    {
        byte[] expected = RtpTestPackets.ChromeAudio();
        byte[] buffer = new byte[64];

        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(111, false, 1234, 123456, 0x11223344), extensionForm: RtpHeaderExtensionForm.OneByte);
        Assert.True(writer.TryAddExtension(1, [0x8A]));
        Assert.True(writer.TryAddExtension(2, [0x12, 0x34, 0x56]));
        Assert.True(writer.TryAddExtension(3, [0x01, 0x02]));
        Assert.True(writer.TryAddExtension(4, "0"u8));
        int headerLength = writer.Finish();
        new byte[] { 0x78, 0x01, 0x02, 0x03 }.CopyTo(buffer, headerLength);

        Assert.Equal(28, headerLength);
        Assert.Equal(expected, buffer.AsSpan(0, headerLength + 4).ToArray());
    }

    [Fact]
    public void AHeaderWithCsrcsAndTwoByteExtensionsRoundTrips()
    {
        byte[] buffer = new byte[128];
        uint[] csrcs = [7, 8, 9];
        byte[] big = new byte[40];
        new Random(5).NextBytes(big);

        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(96, true, 65535, uint.MaxValue, 0xDEADBEEF), csrcs, RtpHeaderExtensionForm.TwoByte);
        Assert.True(writer.TryAddExtension(255, big));
        Assert.True(writer.TryAddExtension(16, ReadOnlySpan<byte>.Empty));
        int length = writer.Finish();

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out RtpPacket packet));
        Assert.Equal(length, packet.HeaderLength);
        Assert.Equal(0, length % 4);
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(65535, packet.SequenceNumber);
        Assert.Equal(uint.MaxValue, packet.Timestamp);
        Assert.Equal(0xDEADBEEFu, packet.Ssrc);
        Assert.Equal(3, packet.CsrcCount);
        Assert.Equal(9u, packet.GetCsrc(2));
        Assert.Equal(RtpHeaderExtensionForm.TwoByte, packet.ExtensionForm);
        Assert.True(packet.TryGetExtension(255, out ReadOnlySpan<byte> data));
        Assert.Equal(big, data.ToArray());
        Assert.True(packet.TryGetExtension(16, out ReadOnlySpan<byte> empty));
        Assert.True(empty.IsEmpty);
    }

    [Fact]
    public void WriteWithoutExtensionGivesTheFixedHeaderAndCsrcs()
    {
        byte[] buffer = new byte[20];
        int length = RtpHeaderWriter.Write(buffer, new RtpHeaderFields(0, false, 1, 2, 3), [4, 5]);

        Assert.Equal(20, length);
        Assert.Equal(new byte[] { 0x82, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5 }, buffer);
    }

    [Fact]
    public void AnExtensionFormWithoutElementsIsDropped()
    {
        byte[] buffer = new byte[32];
        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(8, false, 1, 2, 3), extensionForm: RtpHeaderExtensionForm.OneByte);
        int length = writer.Finish();

        Assert.Equal(12, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out RtpPacket packet));
        Assert.False(packet.HasExtension);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(15, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 17)]
    public void OneByteFormRejectsIdsAndLengthsItCannotCarry(int id, int length)
    {
        byte[] buffer = new byte[64];
        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(8, false, 1, 2, 3), extensionForm: RtpHeaderExtensionForm.OneByte);
        Assert.False(writer.TryAddExtension(id, new byte[length]));
        Assert.Equal(12, writer.Finish());
    }

    [Fact]
    public void TwoByteFormRejectsIdZeroAndTooLongData()
    {
        byte[] buffer = new byte[600];
        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(8, false, 1, 2, 3), extensionForm: RtpHeaderExtensionForm.TwoByte);
        Assert.False(writer.TryAddExtension(0, [1]));
        Assert.False(writer.TryAddExtension(256, [1]));
        Assert.False(writer.TryAddExtension(5, new byte[256]));
    }

    [Fact]
    public void AnElementThatDoesNotFitIsRefusedAndTheHeaderStaysValid()
    {
        byte[] buffer = new byte[20];
        var writer = new RtpHeaderWriter(buffer, new RtpHeaderFields(8, false, 1, 2, 3), extensionForm: RtpHeaderExtensionForm.OneByte);
        Assert.True(writer.TryAddExtension(1, [1, 2, 3]));
        Assert.False(writer.TryAddExtension(2, [1]));
        int length = writer.Finish();

        Assert.Equal(20, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out RtpPacket packet));
        Assert.True(packet.TryGetExtension(1, out _));
        Assert.False(packet.TryGetExtension(2, out _));
    }

    [Fact]
    public void ADestinationTooSmallForTheFixedHeaderThrows()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            byte[] buffer = new byte[11];
            RtpHeaderWriter.Write(buffer, new RtpHeaderFields(0, false, 0, 0, 0));
        });
    }

    [Fact]
    public void SixteenCsrcsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            byte[] buffer = new byte[128];
            RtpHeaderWriter.Write(buffer, new RtpHeaderFields(0, false, 0, 0, 0), new uint[16]);
        });
    }
}
