using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Turns bulletin text into words espeak-ng reads right: dates, times, amounts, money, percentages,
/// phone numbers, units and administrative abbreviations become spoken Vietnamese
/// ("26/11/2026" → "ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi sáu",
/// "UBND" → "Ủy ban nhân dân"), and <see cref="SplitSentences"/> cuts it into sentences to speak one by one.
/// </summary>
/// <remarks>
/// The abbreviation table starts from <see cref="DefaultAbbreviations"/> and users extend it
/// (<see cref="AddAbbreviation"/>); the host persists their entries. Safe to use from several threads.
/// </remarks>
public sealed partial class VietnameseTextNormalizer
{
    /// <summary>Sentences longer than this (characters) are cut at commas, so each synthesis stays short.</summary>
    public const int DefaultMaxSentenceLength = 200;

    /// <summary>
    /// The first piece of a text is cut shorter than the rest (at a comma, else between words): speech starts
    /// once it is synthesized, so a short first piece is what keeps a long bulletin's start under 300 ms.
    /// </summary>
    public const int DefaultFirstPieceMaxLength = 60;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _abbreviations;
    private AbbreviationTable? _table;

    /// <summary>Creates a normalizer with the default abbreviations and northern number words.</summary>
    public VietnameseTextNormalizer()
        : this([])
    {
    }

    /// <summary>
    /// Creates a normalizer with the default abbreviations plus (or overridden by) <paramref name="extraAbbreviations"/>.
    /// </summary>
    public VietnameseTextNormalizer(IEnumerable<KeyValuePair<string, string>> extraAbbreviations, VietnameseDialect dialect = VietnameseDialect.Northern)
    {
        ArgumentNullException.ThrowIfNull(extraAbbreviations);
        Dialect = dialect;
        _abbreviations = new Dictionary<string, string>(DefaultAbbreviations, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> entry in extraAbbreviations)
        {
            ValidateAbbreviation(entry.Key, entry.Value);
            _abbreviations[entry.Key] = entry.Value;
        }
    }

    /// <summary>Which regional number words to use ("linh"/"nghìn" or "lẻ"/"ngàn").</summary>
    public VietnameseDialect Dialect { get; }

    /// <summary>Sentences longer than this are cut at commas (then at spaces); <see cref="DefaultMaxSentenceLength"/> unless set.</summary>
    public int MaxSentenceLength { get; init; } = DefaultMaxSentenceLength;

    /// <summary>Longest first piece (characters); <see cref="DefaultFirstPieceMaxLength"/> unless set.</summary>
    public int FirstPieceMaxLength { get; init; } = DefaultFirstPieceMaxLength;

    /// <summary>A copy of the current abbreviation table.</summary>
    public IReadOnlyDictionary<string, string> Abbreviations => CurrentTable().Entries;

    /// <summary>Adds or replaces an abbreviation (matched case-sensitively as a whole word).</summary>
    /// <exception cref="ArgumentException">The abbreviation is blank or has spaces, or the expansion is blank.</exception>
    public void AddAbbreviation(string abbreviation, string expansion)
    {
        ValidateAbbreviation(abbreviation, expansion);
        lock (_gate)
        {
            _abbreviations[abbreviation] = expansion;
            _table = null;
        }
    }

    /// <summary>Removes an abbreviation (a default one too); false when it was not in the table.</summary>
    public bool RemoveAbbreviation(string abbreviation)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        lock (_gate)
        {
            bool removed = _abbreviations.Remove(abbreviation);
            if (removed)
            {
                _table = null;
            }

            return removed;
        }
    }

    /// <summary>
    /// Splits <paramref name="text"/> into sentences, normalizes each, and cuts any that came out longer
    /// than <see cref="MaxSentenceLength"/> at commas (the very first piece at <see cref="FirstPieceMaxLength"/>):
    /// what a speech engine should be given, one at a time.
    /// </summary>
    public IReadOnlyList<string> NormalizeSentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        foreach (string sentence in SplitSentences(text))
        {
            string normalized = Normalize(sentence);
            if (result.Count == 0 && normalized.Length > FirstPieceMaxLength)
            {
                List<string> head = SplitLongSentence(normalized, FirstPieceMaxLength);
                if (ContainsLetterOrDigit(head[0]))
                {
                    result.Add(head[0]);
                    normalized = string.Join(' ', head.Skip(1));
                }
            }

            foreach (string piece in SplitLongSentence(normalized, MaxSentenceLength))
            {
                if (ContainsLetterOrDigit(piece))
                {
                    result.Add(piece);
                }
            }
        }

        return result;
    }

    /// <summary>Rewrites one piece of text into words to speak (see the class remarks for what changes).</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        AbbreviationTable table = CurrentTable();
        string result = text.Normalize(NormalizationForm.FormC);

        // Abbreviations first: "COVID-19" and "SĐT" must be words before numbers and phones are read.
        string input = result;
        result = table.Pattern.Replace(input, match => ExpandAbbreviation(match, input, table));
        result = NormalizeNumbers(result);
        result = CleanUpSymbols(result);
        return result;
    }

    // Spaces only where the expansion would touch a word ("TP.Hà Nội"); "TT-BTTTT" keeps its hyphen for the joiner rule.
    private static string ExpandAbbreviation(Match match, string input, AbbreviationTable table)
    {
        string expansion = table.Entries[match.Value];
        int end = match.Index + match.Length;
        bool before = match.Index > 0 && char.IsLetterOrDigit(input[match.Index - 1]);
        bool after = end < input.Length && char.IsLetterOrDigit(input[end]);
        return (before ? " " : string.Empty) + expansion + (after ? " " : string.Empty);
    }

    private static void ValidateAbbreviation(string abbreviation, string expansion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(abbreviation);
        ArgumentException.ThrowIfNullOrWhiteSpace(expansion);
        foreach (char c in abbreviation)
        {
            if (char.IsWhiteSpace(c))
            {
                throw new ArgumentException($"The abbreviation '{abbreviation}' has a space; abbreviations are single tokens.", nameof(abbreviation));
            }
        }
    }

    private static bool ContainsLetterOrDigit(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string CleanUpSymbols(string text)
    {
        string result = text.Replace("&", " và ", StringComparison.Ordinal);

        // "Quyết định-Ủy ban", "HĐND/UBND": joined words are read apart; " - " is a pause.
        result = SpacedDashPattern().Replace(result, ", ");
        result = JoinerPattern().Replace(result, " ");
        result = BracketPattern().Replace(result, ", ");
        result = NoisePattern().Replace(result, " ");
        result = WhitespacePattern().Replace(result, " ");
        result = SpaceBeforePunctuationPattern().Replace(result, "$1");
        result = RepeatedCommaPattern().Replace(result, ",");
        return result.Trim().TrimStart(',', ' ').TrimEnd(',', ' ');
    }

    private AbbreviationTable CurrentTable()
    {
        AbbreviationTable? table = Volatile.Read(ref _table);
        if (table is not null)
        {
            return table;
        }

        lock (_gate)
        {
            _table ??= AbbreviationTable.Create(_abbreviations);
            return _table;
        }
    }

    [GeneratedRegex(@"\s+[-–—]\s+")]
    private static partial Regex SpacedDashPattern();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])[-–/](?=[\p{L}\p{N}])")]
    private static partial Regex JoinerPattern();

    [GeneratedRegex(@"\s*[()\[\]]\s*")]
    private static partial Regex BracketPattern();

    [GeneratedRegex(@"[""“”„«»*#_•~^|<>{}=\\/]|(?<!\p{L})'|'(?!\p{L})")]
    private static partial Regex NoisePattern();

    [GeneratedRegex(@"[ \t\u00A0]+|\r?\n")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"\s+([,.!?;:…])")]
    private static partial Regex SpaceBeforePunctuationPattern();

    [GeneratedRegex(@",(\s*,)+")]
    private static partial Regex RepeatedCommaPattern();

    private sealed class AbbreviationTable
    {
        private AbbreviationTable(FrozenDictionary<string, string> entries, Regex pattern, FrozenSet<string> dottedKeys)
        {
            Entries = entries;
            Pattern = pattern;
            DottedKeys = dottedKeys;
        }

        public FrozenDictionary<string, string> Entries { get; }

        public Regex Pattern { get; }

        // Keys ending in "." that do not end a sentence ("TP. Hà Nội"); "v.v." may, so it is left out.
        public FrozenSet<string> DottedKeys { get; }

        public static AbbreviationTable Create(Dictionary<string, string> abbreviations)
        {
            var keys = new List<string>(abbreviations.Keys);

            // Longest first, so "TP.HCM" wins over "TP." and "TP", and "UBMTTQ" over "MTTQ".
            keys.Sort((left, right) => right.Length != left.Length ? right.Length.CompareTo(left.Length) : string.CompareOrdinal(left, right));
            var pattern = new StringBuilder(@"(?<![\p{L}\p{N}])(?:");
            var dotted = new List<string>();
            for (int index = 0; index < keys.Count; index++)
            {
                string key = keys[index];
                if (index > 0)
                {
                    pattern.Append('|');
                }

                pattern.Append(Regex.Escape(key));
                if (char.IsLetterOrDigit(key[^1]))
                {
                    pattern.Append(@"(?![\p{L}\p{N}])");
                }
                else if (key[^1] == '.' && !key.StartsWith("v.v", StringComparison.Ordinal))
                {
                    dotted.Add(key);
                }
            }

            pattern.Append(')');
            var regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new AbbreviationTable(abbreviations.ToFrozenDictionary(StringComparer.Ordinal), regex, dotted.ToFrozenSet(StringComparer.Ordinal));
        }
    }
}
