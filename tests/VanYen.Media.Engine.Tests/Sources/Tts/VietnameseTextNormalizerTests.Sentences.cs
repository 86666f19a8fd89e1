using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public partial class VietnameseTextNormalizerTests
{
    [Fact]
    public void SplitsAtSentenceMarksAndLineBreaks()
    {
        IReadOnlyList<string> sentences = _normalizer.SplitSentences(
            "Thông báo! Ngày mai mất điện. Bà con chú ý; chuẩn bị đèn… Có câu hỏi?\nLiên hệ trưởng thôn\n\nXin cảm ơn.");

        Assert.Equal(
            ["Thông báo!", "Ngày mai mất điện.", "Bà con chú ý;", "chuẩn bị đèn…", "Có câu hỏi?", "Liên hệ trưởng thôn", "Xin cảm ơn."],
            sentences);
    }

    [Fact]
    public void DoesNotSplitInsideNumbersOrAfterDottedAbbreviations()
    {
        IReadOnlyList<string> sentences = _normalizer.SplitSentences(
            "Kinh phí 1.250.000 đồng, tăng 2,5% và 2.5 lần. TP. Hà Nội và TP.HCM tham dự. KT. Chủ tịch Nguyễn V. An ký.");

        Assert.Equal(
            ["Kinh phí 1.250.000 đồng, tăng 2,5% và 2.5 lần.", "TP. Hà Nội và TP.HCM tham dự.", "KT. Chủ tịch Nguyễn V. An ký."],
            sentences);
    }

    [Fact]
    public void KeepsRunsOfMarksAndClosingQuotesWithTheSentence()
    {
        IReadOnlyList<string> sentences = _normalizer.SplitSentences("Thật sao?! Anh nói: “Về ngay.” Rồi đi... Hết");
        Assert.Equal(["Thật sao?!", "Anh nói: “Về ngay.”", "Rồi đi...", "Hết"], sentences);
    }

    [Fact]
    public void CutsLongSentencesAtCommas()
    {
        string clause = "bà con trong thôn cần chủ động phòng chống dịch bệnh cho đàn gia súc";
        string sentence = string.Join(", ", Enumerable.Repeat(clause, 8)) + ".";
        Assert.True(sentence.Length > 500);

        IReadOnlyList<string> pieces = _normalizer.SplitSentences(sentence);

        Assert.True(pieces.Count >= 3, $"{pieces.Count} pieces");
        foreach (string piece in pieces)
        {
            Assert.InRange(piece.Length, 1, VietnameseTextNormalizer.DefaultMaxSentenceLength);
            Assert.EndsWith(clause, piece.TrimEnd(',', '.'), StringComparison.Ordinal);
        }

        Assert.Equal(sentence, string.Join(' ', pieces));
    }

    [Fact]
    public void CutsLongSentencesWithoutCommasAtSpaces()
    {
        string sentence = string.Join(' ', Enumerable.Repeat("thông báo", 100));
        IReadOnlyList<string> pieces = _normalizer.SplitSentences(sentence);
        Assert.True(pieces.Count >= 5);
        Assert.All(pieces, piece => Assert.InRange(piece.Length, 1, VietnameseTextNormalizer.DefaultMaxSentenceLength));
        Assert.Equal(sentence, string.Join(' ', pieces));
    }

    [Fact]
    public void DecimalCommasAreNotCutPoints()
    {
        var normalizer = new VietnameseTextNormalizer { MaxSentenceLength = 30 };
        IReadOnlyList<string> pieces = normalizer.SplitSentences("giá 2,5 triệu và 3,7 triệu, còn lại 1,2 triệu");
        Assert.Equal(["giá 2,5 triệu và 3,7 triệu,", "còn lại 1,2 triệu"], pieces);
    }

    [Fact]
    public void NormalizeSentencesGivesSpeakableSentencesInOrder()
    {
        IReadOnlyList<string> sentences = _normalizer.NormalizeSentences(
            "UBND xã thông báo: ngày 26/11/2026 lúc 6h30 sẽ cắt điện. Mọi thắc mắc gọi 0912 345 678!\n...");

        Assert.Equal(
            [
                "Ủy ban nhân dân xã thông báo: ngày hai mươi sáu tháng mười",
                "một năm hai nghìn không trăm hai mươi sáu lúc sáu giờ ba mươi phút sẽ cắt điện.",
                "Mọi thắc mắc gọi không chín một hai, ba bốn năm, sáu bảy tám!",
            ],
            sentences);
    }

    [Fact]
    public void TheFirstPieceIsCutShortSoSpeechStartsEarlyAndNothingIsLost()
    {
        const string Text = "Thông báo của Ủy ban nhân dân xã về việc tổ chức tiêm chủng cho trẻ em dưới năm tuổi tại trạm y tế xã, "
            + "đề nghị các gia đình đưa con em đến đúng giờ và mang theo sổ tiêm chủng. Xin cảm ơn.";

        IReadOnlyList<string> pieces = _normalizer.NormalizeSentences(Text);

        Assert.InRange(pieces[0].Length, 1, VietnameseTextNormalizer.DefaultFirstPieceMaxLength);
        Assert.True(pieces[1].Length > VietnameseTextNormalizer.DefaultFirstPieceMaxLength, pieces[1]);
        Assert.Equal(Text.Split(' ', StringSplitOptions.RemoveEmptyEntries), string.Join(' ', pieces).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void EmptyAndPunctuationOnlyTextHasNoSentences()
    {
        Assert.Empty(_normalizer.SplitSentences(""));
        Assert.Empty(_normalizer.SplitSentences(" \n ... !? \n"));
        Assert.Empty(_normalizer.NormalizeSentences("—"));
    }
}
