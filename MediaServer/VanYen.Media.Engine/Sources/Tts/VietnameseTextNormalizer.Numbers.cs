using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VanYen.Media.Engine.Sources.Tts;

public sealed partial class VietnameseTextNormalizer
{
    // Every rule pads its words with spaces (collapsed at the end), so "1A" reads "một A".
    private string NormalizeNumbers(string text)
    {
        string result = text;
        result = PlusPhonePattern().Replace(result, match => ReadPhone(match.Value, international: true) ?? match.Value);
        result = LocalPhonePattern().Replace(result, match => ReadPhone(match.Value, international: false) ?? match.Value);
        result = HotlinePattern().Replace(result, match => " " + ReadDigitGroups(match.Value) + " ");
        result = PhoneKeywordPattern().Replace(result, match => match.Groups["keyword"].Value + " " + VietnameseNumberReader.ReadDigits(match.Groups["number"].Value) + " ");
        result = DocumentNumberWithYearPattern().Replace(result, match => " " + ReadInteger(match.Groups["number"].Value) + " năm " + ReadInteger(match.Groups["year"].Value) + " ");
        result = DocumentNumberPattern().Replace(result, match => " " + ReadInteger(match.Groups["number"].Value) + " ");
        result = FullDatePattern().Replace(result, ReadFullDate);
        result = MonthYearPattern().Replace(result, ReadMonthYear);
        result = DayMonthPattern().Replace(result, ReadDayMonth);
        result = RangePattern().Replace(result, " đến ");
        result = UnitRangePattern().Replace(result, " đến ");
        result = ClockTimePattern().Replace(result, ReadClockTime);
        result = HourMinuteTimePattern().Replace(result, ReadHourMinuteTime);
        result = HourTimePattern().Replace(result, ReadHourTime);
        result = NegativePattern().Replace(result, "âm ");
        result = CurrencyPattern().Replace(result, " đồng ");
        result = ThousandShorthandPattern().Replace(result, " nghìn ");
        result = MillionShorthandPattern().Replace(result, " triệu ");
        result = PercentPattern().Replace(result, " phần trăm ");
        result = UnitPattern().Replace(result, match => " " + UnitWords(match.Groups["unit"].Value) + " ");
        result = PerUnitPattern().Replace(result, match => " một " + UnitWords(match.Groups["unit"].Value) + " ");
        result = OrdinalPattern().Replace(result, ReadOrdinal);
        result = EnglishThousandsPattern().Replace(result, match => " " + ReadInteger(match.Value.Replace(",", string.Empty, StringComparison.Ordinal)) + " ");
        result = DottedThousandsPattern().Replace(result, ReadDottedNumber);
        result = DecimalPattern().Replace(result, match => " " + VietnameseNumberReader.ReadDecimal(match.Groups["integer"].ValueSpan, match.Groups["fraction"].ValueSpan, Dialect) + " ");
        result = DotBetweenDigitsPattern().Replace(result, " chấm ");
        result = SlashBetweenDigitsPattern().Replace(result, " trên ");
        result = IntegerPattern().Replace(result, match => " " + ReadInteger(match.Value) + " ");
        return result;
    }

    private static string? ReadPhone(string text, bool international)
    {
        int digits = 0;
        foreach (char c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        // Vietnamese numbers: 10 digits for mobiles, 11 for landlines (0 + area code); +84 drops the 0.
        bool plausible = international ? digits is 11 or 12 : digits is 10 or 11;
        if (!plausible)
        {
            return null;
        }

        var builder = new StringBuilder(" ");
        string rest = text;
        if (international)
        {
            builder.Append("cộng tám bốn, ");
            rest = text[(text.IndexOf("84", StringComparison.Ordinal) + 2)..];
        }

        builder.Append(ReadDigitGroups(rest));
        return builder.Append(' ').ToString();
    }

    // Groups as written ("0912 345 678"); an unbroken run is grouped 4-3-3 (4-3-4) for the listener.
    private static string ReadDigitGroups(string text)
    {
        var groups = new List<string>();
        foreach (string part in text.Split([' ', '.', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            groups.Add(part);
        }

        if (groups.Count == 1 && groups[0].Length >= 9)
        {
            string run = groups[0];
            groups = [run[..4], run[4..7], run[7..]];
        }

        var builder = new StringBuilder();
        foreach (string group in groups)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(VietnameseNumberReader.ReadDigits(group));
        }

        return builder.ToString();
    }

    private string ReadInteger(string digits)
    {
        // "0123" is a code, read digit by digit; "05" is five.
        if (digits.Length > 2 && digits[0] == '0')
        {
            return VietnameseNumberReader.ReadDigits(digits);
        }

        return VietnameseNumberReader.ReadNumber(digits, Dialect);
    }

    private string ReadMonth(int month) => month == 4 ? "tư" : VietnameseNumberReader.Read(month, Dialect);

    private string ReadFullDate(Match match)
    {
        if (!TryGetDayMonth(match, out int day, out int month))
        {
            return match.Value;
        }

        string prefix = match.Groups["prefix"].Success ? match.Groups["prefix"].Value : " ngày ";
        return prefix + VietnameseNumberReader.Read(day, Dialect) + " tháng " + ReadMonth(month) + " năm " + ReadInteger(match.Groups["year"].Value) + " ";
    }

    private string ReadDayMonth(Match match)
    {
        if (!TryGetDayMonth(match, out int day, out int month))
        {
            return match.Value;
        }

        string prefix = match.Groups["prefix"].Success ? match.Groups["prefix"].Value : " ngày ";
        return prefix + VietnameseNumberReader.Read(day, Dialect) + " tháng " + ReadMonth(month) + " ";
    }

    private string ReadMonthYear(Match match)
    {
        int month = int.Parse(match.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return match.Value;
        }

        string prefix = match.Groups["prefix"].Success ? match.Groups["prefix"].Value : " tháng ";
        return prefix + ReadMonth(month) + " năm " + ReadInteger(match.Groups["year"].Value) + " ";
    }

    private static bool TryGetDayMonth(Match match, out int day, out int month)
    {
        day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        month = int.Parse(match.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 && month is >= 1 and <= 12;
    }

    private string ReadClockTime(Match match) => ReadTime(match, match.Groups["minute"].Value);

    private string ReadHourMinuteTime(Match match) => ReadTime(match, match.Groups["minute"].Value);

    private string ReadHourTime(Match match) => ReadTime(match, minute: null);

    private string ReadTime(Match match, string? minute)
    {
        int hour = int.Parse(match.Groups["hour"].ValueSpan, CultureInfo.InvariantCulture);
        int minutes = string.IsNullOrEmpty(minute) ? 0 : int.Parse(minute, CultureInfo.InvariantCulture);
        if (hour > 24 || minutes > 59)
        {
            return match.Value;
        }

        string words = " " + VietnameseNumberReader.Read(hour, Dialect) + " giờ";
        if (minutes > 0)
        {
            words += " " + VietnameseNumberReader.Read(minutes, Dialect) + " phút";
        }

        return words + " ";
    }

    private string ReadOrdinal(Match match)
    {
        string value = match.Groups["value"].Value;
        int number;
        if (char.IsAsciiDigit(value[0]))
        {
            if (value.Length > 6)
            {
                return match.Value;
            }

            number = int.Parse(value, CultureInfo.InvariantCulture);
        }
        else if (!RomanNumeral.TryParse(value, out number))
        {
            return match.Value;
        }

        string keyword = match.Groups["keyword"].Value;
        bool ordinal = keyword.EndsWith("thứ", StringComparison.OrdinalIgnoreCase);

        // "thứ nhất", "thứ tư": the ordinal words; elsewhere the plain number ("khóa mười lăm").
        string words = (ordinal, number) switch
        {
            (true, 1) => "nhất",
            (true, 4) => "tư",
            _ => VietnameseNumberReader.Read(number, Dialect),
        };
        Group year = match.Groups["year"];
        return year.Success
            ? keyword + " " + words + " năm " + ReadInteger(year.Value) + " "
            : keyword + " " + words + " ";
    }

    private string ReadDottedNumber(Match match)
    {
        string integer = match.Groups["integer"].Value.Replace(".", string.Empty, StringComparison.Ordinal);
        return " " + VietnameseNumberReader.ReadDecimal(integer, match.Groups["fraction"].ValueSpan, Dialect) + " ";
    }

    private static string UnitWords(string unit) => unit switch
    {
        "km/h" => "ki lô mét trên giờ",
        "km²" or "km2" => "ki lô mét vuông",
        "km" => "ki lô mét",
        "kg" => "ki lô gam",
        "mm" => "mi li mét",
        "cm" => "xen ti mét",
        "m²" or "m2" => "mét vuông",
        "m³" or "m3" => "mét khối",
        "m" => "mét",
        "ha" => "héc ta",
        "°C" or "ºC" or "oC" => "độ xê",
        "°" => "độ",
        "g" => "gam",
        "h" => "giờ",
        _ => unit,
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\(\+84\)|\+84)[ .\-]?[0-9]{2,3}(?:[ .\-]?[0-9]{2,4}){1,3}(?![0-9])")]
    private static partial Regex PlusPhonePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])0[0-9]{2,3}(?:[ .\-]?[0-9]{2,4}){1,3}(?![0-9]|[.,][0-9])")]
    private static partial Regex LocalPhonePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])1[89]00[ .]?[0-9]{4}(?:[0-9]{2})?(?![0-9]|[.,][0-9])")]
    private static partial Regex HotlinePattern();

    [GeneratedRegex(@"(?<keyword>(?i:gọi|số điện thoại|điện thoại|đường dây nóng|hotline|tổng đài|số máy)(?:\s+số)?[\s:]*)(?<number>[0-9]{3,5})(?![0-9]|[.,/][0-9])")]
    private static partial Regex PhoneKeywordPattern();

    [GeneratedRegex(@"(?<![\p{N}./])(?<number>[0-9]+)/(?<year>[0-9]{4})/\s*(?=\p{L})")]
    private static partial Regex DocumentNumberWithYearPattern();

    [GeneratedRegex(@"(?<![\p{N}./])(?<number>[0-9]+)/\s*(?=\p{L})")]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"(?<prefix>(?i:ngày)\s+)?(?<![\p{N}/.,])(?<day>[0-9]{1,2})(?<separator>[/.\-])(?<month>[0-9]{1,2})\k<separator>(?<year>[0-9]{4})(?![0-9]|[/.\-][0-9])")]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"(?<prefix>(?i:tháng)\s+)?(?<![\p{N}/.,]|(?i:quý)\s+)(?<month>[0-9]{1,2})[/\-](?<year>[0-9]{4})(?![0-9]|[/.\-][0-9])")]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"(?<prefix>(?i:ngày)\s+)?(?<![\p{N}/.,])(?<day>[0-9]{1,2})/(?<month>[0-9]{1,2})(?![0-9]|[/.,][0-9])")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"(?<=[0-9%'])\s*[-–]\s*(?=[0-9]|(?i:ngày|tháng)\s)")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"(?<=[0-9]\s?(?:h|km|kg|mm|cm|m|ha|°C|tấn|giờ|phút|độ|ngày|tuổi|đồng|đ|triệu|nghìn|tỷ))\s*[-–]\s*(?=[0-9])")]
    private static partial Regex UnitRangePattern();

    [GeneratedRegex(@"(?<![\p{N}:.,])(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::[0-9]{2})?(?![0-9]|[:.,][0-9])")]
    private static partial Regex ClockTimePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<hour>[0-9]{1,2})\s?[hg](?<minute>[0-9]{2})(?:'|\s?phút(?!\p{L})|ph?(?!\p{L}))?(?![\p{L}\p{N}])")]
    private static partial Regex HourMinuteTimePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<hour>[0-9]{1,2})\s?h(?![\p{L}\p{N}/])")]
    private static partial Regex HourTimePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])-(?=[0-9])")]
    private static partial Regex NegativePattern();

    [GeneratedRegex(@"(?<=[0-9])\s?(?:đ|VNĐ|VND|vnđ|vnd|Đ)(?![\p{L}\p{N}])")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"(?<=[0-9])\s?k(?![\p{L}\p{N}])")]
    private static partial Regex ThousandShorthandPattern();

    [GeneratedRegex(@"(?<=[0-9])\s?tr(?![\p{L}\p{N}])")]
    private static partial Regex MillionShorthandPattern();

    [GeneratedRegex(@"(?<=[0-9])\s?%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(?<=[0-9])\s?(?<unit>km/h|km²|km2|km|kg|mm|cm|m²|m2|m³|m3|ha|°C|ºC|oC|°|m|g|h)(?![\p{L}\p{N}²³])")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"\s?/\s?(?<unit>ki lô gam|héc ta|mét vuông|tháng|ngày|năm|người|lít|tấn|con|hộ|giờ|kg|ha|km|m2|m²)(?![\p{L}\p{N}])")]
    private static partial Regex PerUnitPattern();

    [GeneratedRegex(@"(?<keyword>(?i:thứ|khóa|khoá|đại hội|quý|kỳ|kì|thế kỷ|thế kỉ|chương|phần|mục))\s+(?<value>[0-9]+|[IVXLCDM]+)(?:/(?<year>[0-9]{4}))?(?![\p{L}\p{N}]|[.,/][0-9])")]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"(?<![\p{N}.,])[0-9]{1,3}(?:,[0-9]{3}){2,}(?![0-9]|[.,][0-9])")]
    private static partial Regex EnglishThousandsPattern();

    [GeneratedRegex(@"(?<![\p{N}.,])(?<integer>[0-9]{1,3}(?:\.[0-9]{3})+)(?:,(?<fraction>[0-9]+))?(?![0-9]|\.[0-9])")]
    private static partial Regex DottedThousandsPattern();

    [GeneratedRegex(@"(?<![\p{N}.,])(?<integer>[0-9]+),(?<fraction>[0-9]+)(?![0-9]|,[0-9])")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"(?<=[0-9])\.(?=[0-9])")]
    private static partial Regex DotBetweenDigitsPattern();

    [GeneratedRegex(@"(?<=[0-9])\s*/\s*(?=[0-9])")]
    private static partial Regex SlashBetweenDigitsPattern();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex IntegerPattern();
}
