using System.Text;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Spells numbers the way a Vietnamese announcer reads them: "mười lăm", "hai mươi mốt",
/// "hai mươi tư", "một trăm linh năm", "hai nghìn không trăm hai mươi sáu", "một triệu hai trăm năm mươi nghìn".
/// </summary>
public static class VietnameseNumberReader
{
    private static readonly string[] DigitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>The word for one digit 0–9, as read alone ("không", "một", … "chín").</summary>
    public static string Digit(int digit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digit, 9);
        return DigitWords[digit];
    }

    /// <summary>Spells <paramref name="value"/> in words ("âm …" for negatives).</summary>
    public static string Read(long value, VietnameseDialect dialect = VietnameseDialect.Northern)
    {
        var builder = new StringBuilder();
        Append(builder, value, dialect);
        return builder.ToString();
    }

    /// <summary>Reads every digit of <paramref name="text"/> one by one ("0912" → "không chín một hai"), skipping anything else.</summary>
    public static string ReadDigits(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder();
        AppendDigits(builder, text);
        return builder.ToString();
    }

    /// <summary>
    /// Reads a decimal: <paramref name="integerDigits"/> as a number, then "phẩy", then the fraction:
    /// leading zeros one by one and the rest as a number when short ("2,05" → "hai phẩy không năm",
    /// "3,14" → "ba phẩy mười bốn"), digit by digit when longer than three digits.
    /// </summary>
    public static string ReadDecimal(ReadOnlySpan<char> integerDigits, ReadOnlySpan<char> fractionDigits, VietnameseDialect dialect = VietnameseDialect.Northern)
    {
        var builder = new StringBuilder();
        AppendNumber(builder, integerDigits, dialect);
        if (fractionDigits.IsEmpty)
        {
            return builder.ToString();
        }

        builder.Append(" phẩy");
        if (fractionDigits.Length > 3)
        {
            builder.Append(' ');
            AppendDigits(builder, fractionDigits);
            return builder.ToString();
        }

        int firstNonZero = 0;
        while (firstNonZero < fractionDigits.Length && fractionDigits[firstNonZero] == '0')
        {
            builder.Append(" không");
            firstNonZero++;
        }

        if (firstNonZero < fractionDigits.Length)
        {
            builder.Append(' ');
            Append(builder, long.Parse(fractionDigits[firstNonZero..], System.Globalization.CultureInfo.InvariantCulture), dialect);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads a run of ASCII digits as a number; more than 18 digits, which no amount is, are read one by one.
    /// </summary>
    public static string ReadNumber(ReadOnlySpan<char> digits, VietnameseDialect dialect = VietnameseDialect.Northern)
    {
        var builder = new StringBuilder();
        AppendNumber(builder, digits, dialect);
        return builder.ToString();
    }

    internal static void AppendNumber(StringBuilder builder, ReadOnlySpan<char> digits, VietnameseDialect dialect)
    {
        if (digits.Length > 18 || !long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value))
        {
            AppendDigits(builder, digits);
            return;
        }

        Append(builder, value, dialect);
    }

    internal static void AppendDigits(StringBuilder builder, ReadOnlySpan<char> text)
    {
        bool first = true;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            builder.Append(DigitWords[c - '0']);
            first = false;
        }
    }

    internal static void Append(StringBuilder builder, long value, VietnameseDialect dialect)
    {
        if (value == 0)
        {
            builder.Append(DigitWords[0]);
            return;
        }

        if (value < 0)
        {
            builder.Append("âm ");
            if (value == long.MinValue)
            {
                AppendDigits(builder, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            value = -value;
        }

        AppendMagnitude(builder, value, padded: false, dialect);
    }

    // Above a billion the count of "tỷ" is itself a number: 1.500.000.000.000 → "một nghìn năm trăm tỷ".
    private static void AppendMagnitude(StringBuilder builder, long value, bool padded, VietnameseDialect dialect)
    {
        const long Billion = 1_000_000_000;
        long billions = value / Billion;
        long rest = value % Billion;
        if (billions > 0)
        {
            AppendMagnitude(builder, billions, padded, dialect);
            builder.Append(" tỷ");
            if (rest == 0)
            {
                return;
            }

            builder.Append(' ');
            padded = true;
        }

        // Groups of three digits below a billion: triệu, nghìn, units.
        Span<int> groups = [(int)(rest / 1_000_000), (int)(rest / 1_000 % 1_000), (int)(rest % 1_000)];
        bool first = true;
        for (int index = 0; index < groups.Length; index++)
        {
            if (groups[index] == 0)
            {
                continue;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            // After a higher group every hundred is spelled out: 2.005.000 → "hai triệu không trăm linh năm nghìn".
            AppendGroup(builder, groups[index], padded, dialect);
            AppendScale(builder, 2 - index, dialect);
            first = false;
            padded = true;
        }
    }

    private static void AppendScale(StringBuilder builder, int groupIndex, VietnameseDialect dialect)
    {
        string thousand = dialect == VietnameseDialect.Southern ? "ngàn" : "nghìn";
        string scale = groupIndex switch
        {
            0 => string.Empty,
            1 => thousand,
            _ => "triệu",
        };
        if (scale.Length > 0)
        {
            builder.Append(' ').Append(scale);
        }
    }

    private static void AppendGroup(StringBuilder builder, int group, bool padded, VietnameseDialect dialect)
    {
        int hundreds = group / 100;
        int tens = group / 10 % 10;
        int units = group % 10;
        bool spoke = false;
        if (hundreds > 0 || padded)
        {
            builder.Append(DigitWords[hundreds]).Append(" trăm");
            spoke = true;
        }

        if (tens == 0)
        {
            if (units == 0)
            {
                return;
            }

            if (spoke)
            {
                builder.Append(dialect == VietnameseDialect.Southern ? " lẻ " : " linh ");
            }

            builder.Append(DigitWords[units]);
            return;
        }

        if (spoke)
        {
            builder.Append(' ');
        }

        if (tens == 1)
        {
            builder.Append("mười");
        }
        else
        {
            builder.Append(DigitWords[tens]).Append(" mươi");
        }

        // "mốt" only after "mươi"; "lăm" after any ten; "tư" after "mươi" (but "mười bốn").
        string? unitWord = units switch
        {
            0 => null,
            1 => tens == 1 ? "một" : "mốt",
            4 => tens == 1 ? "bốn" : "tư",
            5 => "lăm",
            _ => DigitWords[units],
        };
        if (unitWord is not null)
        {
            builder.Append(' ').Append(unitWord);
        }
    }
}
