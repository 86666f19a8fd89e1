using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public class VietnameseNumberReaderTests
{
    [Theory]
    [InlineData(0, "không")]
    [InlineData(1, "một")]
    [InlineData(4, "bốn")]
    [InlineData(5, "năm")]
    [InlineData(10, "mười")]
    [InlineData(11, "mười một")]
    [InlineData(14, "mười bốn")]
    [InlineData(15, "mười lăm")]
    [InlineData(20, "hai mươi")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(25, "hai mươi lăm")]
    [InlineData(55, "năm mươi lăm")]
    [InlineData(100, "một trăm")]
    [InlineData(101, "một trăm linh một")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(115, "một trăm mười lăm")]
    [InlineData(121, "một trăm hai mươi mốt")]
    [InlineData(1_000, "một nghìn")]
    [InlineData(1_001, "một nghìn không trăm linh một")]
    [InlineData(1_010, "một nghìn không trăm mười")]
    [InlineData(1_100, "một nghìn một trăm")]
    [InlineData(2_026, "hai nghìn không trăm hai mươi sáu")]
    [InlineData(10_000, "mười nghìn")]
    [InlineData(50_000, "năm mươi nghìn")]
    [InlineData(1_000_000, "một triệu")]
    [InlineData(1_250_000, "một triệu hai trăm năm mươi nghìn")]
    [InlineData(2_005_000, "hai triệu không trăm linh năm nghìn")]
    [InlineData(1_000_001, "một triệu không trăm linh một")]
    [InlineData(3_000_000_000, "ba tỷ")]
    [InlineData(3_000_000_005, "ba tỷ không trăm linh năm")]
    [InlineData(1_000_000_000_000_000_000, "một tỷ tỷ")]
    [InlineData(1_500_000_000_000, "một nghìn năm trăm tỷ")]
    [InlineData(-5, "âm năm")]
    public void ReadsNumbersAsAnAnnouncerDoes(long value, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.Read(value));
    }

    [Theory]
    [InlineData(105, "một trăm lẻ năm")]
    [InlineData(2_005_000, "hai triệu không trăm lẻ năm ngàn")]
    [InlineData(24, "hai mươi tư")]
    public void SouthernDialectSaysLeAndNgan(long value, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.Read(value, VietnameseDialect.Southern));
    }

    [Theory]
    [InlineData("2", "5", "hai phẩy năm")]
    [InlineData("2", "05", "hai phẩy không năm")]
    [InlineData("3", "14", "ba phẩy mười bốn")]
    [InlineData("0", "5", "không phẩy năm")]
    [InlineData("1", "23456", "một phẩy hai ba bốn năm sáu")]
    public void ReadsDecimalsWithPhay(string integer, string fraction, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.ReadDecimal(integer, fraction));
    }

    [Fact]
    public void ReadsDigitsOneByOneSkippingSeparators()
    {
        Assert.Equal("không chín một hai ba bốn năm sáu bảy tám", VietnameseNumberReader.ReadDigits("0912 345-678"));
    }

    [Fact]
    public void ReadsTooLongDigitRunsOneByOne()
    {
        Assert.Equal("một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu bảy tám chín", VietnameseNumberReader.ReadNumber("1234567890123456789"));
    }

    [Fact]
    public void ReadsTheLargestValueWithoutFailing()
    {
        Assert.StartsWith("chín tỷ hai trăm hai mươi ba triệu", VietnameseNumberReader.Read(long.MaxValue), StringComparison.Ordinal);
        Assert.StartsWith("âm", VietnameseNumberReader.Read(long.MinValue), StringComparison.Ordinal);
    }
}
