using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public partial class VietnameseTextNormalizerTests
{
    private readonly VietnameseTextNormalizer _normalizer = new();

    [Theory]
    [InlineData("26/11/2026", "ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi sáu")]
    [InlineData("Ngày 26/11/2026, UBND xã tổ chức họp.", "Ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi sáu, Ủy ban nhân dân xã tổ chức họp.")]
    [InlineData("Hạn chót là 05/04/2026.", "Hạn chót là ngày năm tháng tư năm hai nghìn không trăm hai mươi sáu.")]
    [InlineData("Kể từ 01-01-2027", "Kể từ ngày một tháng một năm hai nghìn không trăm hai mươi bảy")]
    [InlineData("Lễ khai giảng ngày 5/9.", "Lễ khai giảng ngày năm tháng chín.")]
    [InlineData("trong tháng 12/2026", "trong tháng mười hai năm hai nghìn không trăm hai mươi sáu")]
    [InlineData("báo cáo 11/2026", "báo cáo tháng mười một năm hai nghìn không trăm hai mươi sáu")]
    [InlineData("Từ ngày 26-28/11/2026", "Từ ngày hai mươi sáu đến ngày hai mươi tám tháng mười một năm hai nghìn không trăm hai mươi sáu")]
    [InlineData("ngày 32/13 không phải là ngày", "ngày ba mươi hai trên mười ba không phải là ngày")]
    public void ReadsDates(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("họp lúc 6h30 sáng", "họp lúc sáu giờ ba mươi phút sáng")]
    [InlineData("lúc 6h", "lúc sáu giờ")]
    [InlineData("lúc 7h05'", "lúc bảy giờ năm phút")]
    [InlineData("lúc 14g30", "lúc mười bốn giờ ba mươi phút")]
    [InlineData("17:00", "mười bảy giờ")]
    [InlineData("bắt đầu 17:45 hôm nay", "bắt đầu mười bảy giờ bốn mươi lăm phút hôm nay")]
    [InlineData("từ 7h30 - 11h", "từ bảy giờ ba mươi phút đến mười một giờ")]
    [InlineData("kéo dài 30h", "kéo dài ba mươi giờ")]
    public void ReadsTimes(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("Tổng kinh phí 1.250.000 đồng.", "Tổng kinh phí một triệu hai trăm năm mươi nghìn đồng.")]
    [InlineData("mỗi hộ đóng 50.000đ", "mỗi hộ đóng năm mươi nghìn đồng")]
    [InlineData("mức phạt 50.000 VNĐ", "mức phạt năm mươi nghìn đồng")]
    [InlineData("hỗ trợ 2,5 triệu đồng", "hỗ trợ hai phẩy năm triệu đồng")]
    [InlineData("giá 7.500đ/kg", "giá bảy nghìn năm trăm đồng một ki lô gam")]
    [InlineData("vé 20k", "vé hai mươi nghìn")]
    [InlineData("1,2 tỷ đồng", "một phẩy hai tỷ đồng")]
    [InlineData("ngân sách 1,250,000 USD", "ngân sách một triệu hai trăm năm mươi nghìn đô la Mỹ")]
    [InlineData("1.250,5 tấn", "một nghìn hai trăm năm mươi phẩy năm tấn")]
    public void ReadsMoneyAndAmounts(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("giảm 15%", "giảm mười lăm phần trăm")]
    [InlineData("đạt 2,5%", "đạt hai phẩy năm phần trăm")]
    [InlineData("tăng 100 %", "tăng một trăm phần trăm")]
    [InlineData("từ 10-15%", "từ mười đến mười lăm phần trăm")]
    public void ReadsPercentages(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("liên hệ 0912 345 678", "liên hệ không chín một hai, ba bốn năm, sáu bảy tám")]
    [InlineData("liên hệ 0912345678", "liên hệ không chín một hai, ba bốn năm, sáu bảy tám")]
    [InlineData("số 0912.345.678", "số không chín một hai, ba bốn năm, sáu bảy tám")]
    [InlineData("gọi +84 912 345 678", "gọi cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám")]
    [InlineData("máy bàn 0234 3822 123", "máy bàn không hai ba bốn, ba tám hai hai, một hai ba")]
    [InlineData("SĐT: 0912345678", "số điện thoại: không chín một hai, ba bốn năm, sáu bảy tám")]
    [InlineData("khi có cháy gọi 114", "khi có cháy gọi một một bốn")]
    [InlineData("đường dây nóng 1900 1234", "đường dây nóng một chín không không, một hai ba bốn")]
    public void ReadsPhoneNumbersDigitByDigit(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData("UBND xã", "Ủy ban nhân dân xã")]
    [InlineData("HĐND huyện", "Hội đồng nhân dân huyện")]
    [InlineData("MTTQ xã", "Mặt trận Tổ quốc xã")]
    [InlineData("UBMTTQ xã", "Ủy ban Mặt trận Tổ quốc xã")]
    [InlineData("TP Huế", "thành phố Huế")]
    [InlineData("TP. Hà Nội", "thành phố Hà Nội")]
    [InlineData("TP.HCM", "thành phố Hồ Chí Minh")]
    [InlineData("BCH Đoàn", "Ban chấp hành Đoàn")]
    [InlineData("KT. Chủ tịch", "ký thay Chủ tịch")]
    [InlineData("PCT UBND", "Phó Chủ tịch Ủy ban nhân dân")]
    [InlineData("trường THCS và THPT", "trường trung học cơ sở và trung học phổ thông")]
    [InlineData("thẻ BHYT", "thẻ bảo hiểm y tế")]
    [InlineData("lực lượng CSGT, PCCC", "lực lượng cảnh sát giao thông, phòng cháy chữa cháy")]
    [InlineData("dịch COVID-19", "dịch Cô vít mười chín")]
    [InlineData("3 ca F0", "ba ca ép không")]
    [InlineData("Ban Chỉ huy PCTT&TKCN", "Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn")]
    [InlineData("UBNDxã", "UBNDxã")]
    public void ExpandsAdministrativeAbbreviations(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Theory]
    [InlineData(
        "Thực hiện Quyết định số 123/QĐ-UBND ngày 5/3/2026 của UBND huyện.",
        "Thực hiện Quyết định số một trăm hai mươi ba Quyết định Ủy ban nhân dân ngày năm tháng ba năm hai nghìn không trăm hai mươi sáu của Ủy ban nhân dân huyện.")]
    [InlineData(
        "Theo Thông tư 39/2020/TT-BTTTT.",
        "Theo Thông tư ba mươi chín năm hai nghìn không trăm hai mươi Thông tư Bộ Thông tin và Truyền thông.")]
    [InlineData(
        "Hội nghị BCH Đảng bộ khóa XIII, kỳ họp thứ 4 của HĐND.",
        "Hội nghị Ban chấp hành Đảng bộ khóa mười ba, kỳ họp thứ tư của Hội đồng nhân dân.")]
    [InlineData("Quý IV/2026", "Quý bốn năm hai nghìn không trăm hai mươi sáu")]
    [InlineData("giải thứ 1", "giải thứ nhất")]
    [InlineData(
        "Nhiệt độ 25-27°C, mưa 50-100mm, gió 40km/h. Đêm rét -2°C.",
        "Nhiệt độ hai mươi lăm đến hai mươi bảy độ xê, mưa năm mươi đến một trăm mi li mét, gió bốn mươi ki lô mét trên giờ. Đêm rét âm hai độ xê.")]
    [InlineData("năng suất 6,2 tấn/ha trên 120 ha", "năng suất sáu phẩy hai tấn một héc ta trên một trăm hai mươi héc ta")]
    [InlineData("Quốc lộ 1A", "Quốc lộ một A")]
    [InlineData("mã 0123", "mã không một hai ba")]
    [InlineData("phiên bản 2.5", "phiên bản hai chấm năm")]
    [InlineData("Đội “xung kích” (thôn 3)", "Đội xung kích, thôn ba")]
    [InlineData("Hội Nông dân & Hội Phụ nữ", "Hội Nông dân và Hội Phụ nữ")]
    [InlineData("Bà Rịa - Vũng Tàu", "Bà Rịa, Vũng Tàu")]
    public void NormalizesMixedBulletinSentences(string input, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(input));
    }

    [Fact]
    public void NormalizedTextHasNoDigitsLeft()
    {
        string text = "Ngày 26/11/2026 lúc 6h30, 1.250.000 đồng, 15%, 0912 345 678, 2,5 triệu, 17:00, 3 hộ, COVID-19.";
        string normalized = _normalizer.Normalize(text);
        Assert.DoesNotContain(normalized, char.IsAsciiDigit);
    }

    [Fact]
    public void ComposedAndDecomposedInputGiveTheSameText()
    {
        string composed = "Ủy ban nhân dân xã thông báo";
        string decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(_normalizer.Normalize(composed), _normalizer.Normalize(decomposed));
    }

    [Fact]
    public void UserAbbreviationsAreAddedAndOverrideDefaults()
    {
        var normalizer = new VietnameseTextNormalizer([new KeyValuePair<string, string>("HTXNN", "hợp tác xã nông nghiệp")]);
        normalizer.AddAbbreviation("CT", "Chỉ thị");
        normalizer.AddAbbreviation("Q.", "quận");

        Assert.Equal("hợp tác xã nông nghiệp Tân Lập", normalizer.Normalize("HTXNN Tân Lập"));
        Assert.Equal("Chỉ thị mới", normalizer.Normalize("CT mới"));
        Assert.Equal("Chủ tịch", _normalizer.Normalize("CT"));
        Assert.Equal("hợp tác xã nông nghiệp", normalizer.Abbreviations["HTXNN"]);
        Assert.Single(normalizer.SplitSentences("Trụ sở tại Q. Ba Đình."));
    }

    [Fact]
    public void RemovedAbbreviationsAreLeftAsWritten()
    {
        var normalizer = new VietnameseTextNormalizer();
        Assert.True(normalizer.RemoveAbbreviation("VN"));
        Assert.False(normalizer.RemoveAbbreviation("VN"));
        Assert.Equal("VN", normalizer.Normalize("VN"));
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData("A B", "x")]
    [InlineData("AB", " ")]
    public void InvalidAbbreviationsAreRefused(string abbreviation, string expansion)
    {
        var normalizer = new VietnameseTextNormalizer();
        Assert.ThrowsAny<ArgumentException>(() => normalizer.AddAbbreviation(abbreviation, expansion));
    }

    [Fact]
    public void SouthernNormalizerSaysLeAndNgan()
    {
        var normalizer = new VietnameseTextNormalizer([], VietnameseDialect.Southern);
        Assert.Equal("hai ngàn không trăm lẻ năm đồng", normalizer.Normalize("2.005đ"));
    }

    [Fact]
    public void HostileTextNeverThrows()
    {
        var random = new Random(7);
        const string alphabet = "0123456789./,:-–%hgđĐkmTPUBND()“”'&+ \n?!;…ạăâêôơưÀ°C²";
        for (int round = 0; round < 2_000; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int index = 0; index < chars.Length; index++)
            {
                chars[index] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            _ = _normalizer.Normalize(text);
            foreach (string sentence in _normalizer.NormalizeSentences(text))
            {
                Assert.False(string.IsNullOrWhiteSpace(sentence));
            }
        }
    }
}
