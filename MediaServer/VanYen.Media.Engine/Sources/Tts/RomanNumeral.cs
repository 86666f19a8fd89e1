namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>Reads Roman numerals as written in Party and state documents ("Đại hội XIII", "quý IV").</summary>
internal static class RomanNumeral
{
    /// <summary>Parses a canonical Roman numeral from 1 to 3999; false for anything else ("IIII", "VX").</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 15)
        {
            return false;
        }

        int previous = 0;
        for (int index = text.Length - 1; index >= 0; index--)
        {
            int digit = DigitValue(text[index]);
            if (digit == 0)
            {
                value = 0;
                return false;
            }

            value += digit < previous ? -digit : digit;
            previous = Math.Max(previous, digit);
        }

        // Only the canonical spelling counts, which rules out "IIII", "IC", "VV".
        if (value is < 1 or > 3999 || !text.SequenceEqual(Format(value)))
        {
            value = 0;
            return false;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => 0,
    };

    private static string Format(int value)
    {
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var builder = new System.Text.StringBuilder();
        for (int index = 0; index < values.Length; index++)
        {
            while (value >= values[index])
            {
                builder.Append(symbols[index]);
                value -= values[index];
            }
        }

        return builder.ToString();
    }
}
