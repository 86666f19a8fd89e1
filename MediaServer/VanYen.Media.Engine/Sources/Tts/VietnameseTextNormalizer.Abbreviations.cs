using System.Collections.Frozen;

namespace VanYen.Media.Engine.Sources.Tts;

public sealed partial class VietnameseTextNormalizer
{
    /// <summary>
    /// The abbreviations of Vietnamese administrative bulletins and what an announcer says for them.
    /// Keys match case-sensitively as whole words; a key ending in "." (like "TP.") also stops
    /// <see cref="SplitSentences"/> from ending a sentence there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultAbbreviations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Bodies of the state and the Party.
        ["UBND"] = "Ủy ban nhân dân",
        ["HĐND"] = "Hội đồng nhân dân",
        ["UBMTTQ"] = "Ủy ban Mặt trận Tổ quốc",
        ["UBMTTQVN"] = "Ủy ban Mặt trận Tổ quốc Việt Nam",
        ["MTTQ"] = "Mặt trận Tổ quốc",
        ["MTTQVN"] = "Mặt trận Tổ quốc Việt Nam",
        ["BCH"] = "Ban chấp hành",
        ["BTV"] = "Ban Thường vụ",
        ["BCĐ"] = "Ban chỉ đạo",
        ["UBKT"] = "Ủy ban Kiểm tra",
        ["ĐCSVN"] = "Đảng Cộng sản Việt Nam",
        ["TW"] = "Trung ương",
        ["TƯ"] = "Trung ương",
        ["QH"] = "Quốc hội",
        ["ĐBQH"] = "đại biểu Quốc hội",
        ["CP"] = "Chính phủ",
        ["TTg"] = "Thủ tướng",
        ["CAND"] = "Công an nhân dân",
        ["QĐND"] = "Quân đội nhân dân",
        ["BTTTT"] = "Bộ Thông tin và Truyền thông",
        ["HTX"] = "hợp tác xã",
        ["TDP"] = "tổ dân phố",
        ["KP"] = "khu phố",
        ["KCN"] = "khu công nghiệp",

        // Offices and signatures.
        ["CT"] = "Chủ tịch",
        ["PCT"] = "Phó Chủ tịch",
        ["KT"] = "ký thay",
        ["KT."] = "ký thay",
        ["TM."] = "thay mặt",
        ["TL."] = "thừa lệnh",
        ["TUQ."] = "thừa ủy quyền",
        ["GS."] = "giáo sư",
        ["PGS."] = "phó giáo sư",
        ["TS."] = "tiến sĩ",
        ["ThS."] = "thạc sĩ",
        ["BS."] = "bác sĩ",

        // Documents.
        ["TT"] = "Thông tư",
        ["QĐ"] = "Quyết định",
        ["NĐ"] = "Nghị định",
        ["NQ"] = "Nghị quyết",
        ["CV"] = "Công văn",
        ["KH"] = "Kế hoạch",
        ["TB"] = "Thông báo",

        // Places.
        ["TP"] = "thành phố",
        ["TP."] = "thành phố",
        ["Tp."] = "thành phố",
        ["TP.HCM"] = "thành phố Hồ Chí Minh",
        ["TPHCM"] = "thành phố Hồ Chí Minh",
        ["HCM"] = "Hồ Chí Minh",
        ["VN"] = "Việt Nam",
        ["ĐBSCL"] = "đồng bằng sông Cửu Long",

        // Schools, health, safety.
        ["THCS"] = "trung học cơ sở",
        ["THPT"] = "trung học phổ thông",
        ["ĐH"] = "đại học",
        ["BHYT"] = "bảo hiểm y tế",
        ["BHXH"] = "bảo hiểm xã hội",
        ["CSGT"] = "cảnh sát giao thông",
        ["ATGT"] = "an toàn giao thông",
        ["TNGT"] = "tai nạn giao thông",
        ["ATTP"] = "an toàn vệ sinh thực phẩm",
        ["PCCC"] = "phòng cháy chữa cháy",
        ["PCTT"] = "phòng chống thiên tai",
        ["TKCN"] = "tìm kiếm cứu nạn",
        ["PCTT&TKCN"] = "phòng chống thiên tai và tìm kiếm cứu nạn",
        ["BVTV"] = "bảo vệ thực vật",
        ["GPMB"] = "giải phóng mặt bằng",
        ["NTM"] = "nông thôn mới",
        ["PTNT"] = "phát triển nông thôn",
        ["NN&PTNT"] = "Nông nghiệp và Phát triển nông thôn",
        ["GD&ĐT"] = "Giáo dục và Đào tạo",
        ["GDĐT"] = "Giáo dục và Đào tạo",
        ["COVID-19"] = "Cô vít mười chín",
        ["Covid-19"] = "Cô vít mười chín",
        ["COVID"] = "Cô vít",
        ["Covid"] = "Cô vít",
        ["F0"] = "ép không",
        ["F1"] = "ép một",
        ["F2"] = "ép hai",

        // Everyday.
        ["SĐT"] = "số điện thoại",
        ["ĐT"] = "điện thoại",
        ["USD"] = "đô la Mỹ",
        ["v.v."] = "vân vân",
        ["v.v"] = "vân vân",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
