using System.Text;

namespace VanYen.Media.Engine.Sources.Tts;

public sealed partial class VietnameseTextNormalizer
{
    /// <summary>
    /// Cuts <paramref name="text"/> into sentences at ". ! ? ; …" and line breaks, keeping the mark with its
    /// sentence (espeak-ng's intonation follows it). A dot inside a number ("1.250.000", "2.5"), after a dotted
    /// abbreviation ("TP. Hà Nội", "KT. Chủ tịch") or after an initial ("Nguyễn V. An") does not end a sentence.
    /// Sentences longer than <see cref="MaxSentenceLength"/> are cut again at commas (then at spaces).
    /// </summary>
    public IReadOnlyList<string> SplitSentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        AbbreviationTable table = CurrentTable();
        var sentences = new List<string>();
        var current = new StringBuilder();
        for (int index = 0; index < text.Length; index++)
        {
            char c = text[index];
            if (c is '\n' or '\r')
            {
                Flush(sentences, current, MaxSentenceLength);
                continue;
            }

            current.Append(c);
            bool end = c switch
            {
                '!' or '?' or ';' or '…' => true,
                '.' => IsSentenceEndingDot(text, index, table),
                _ => false,
            };
            if (!end)
            {
                continue;
            }

            // Keep a run of marks and closing quotes with the sentence: "…?!", "...", "hết.»".
            while (index + 1 < text.Length && text[index + 1] is '.' or '!' or '?' or '…' or '"' or '”' or '»' or ')' or '\'')
            {
                current.Append(text[++index]);
            }

            Flush(sentences, current, MaxSentenceLength);
        }

        Flush(sentences, current, MaxSentenceLength);
        return sentences;
    }

    private static bool IsSentenceEndingDot(string text, int index, AbbreviationTable table)
    {
        // "1.250.000", "2.5", "TP.HCM": a dot followed by a letter or digit sits inside a token.
        if (index + 1 < text.Length && !char.IsWhiteSpace(text[index + 1]) && text[index + 1] is not ('.' or '"' or '”' or '»' or ')' or '\''))
        {
            return false;
        }

        int start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        ReadOnlySpan<char> token = text.AsSpan(start, index - start + 1);
        if (table.DottedKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token))
        {
            return false;
        }

        // An initial: one capital letter and its dot ("Nguyễn V. An").
        return !(token.Length == 2 && char.IsUpper(token[0]));
    }

    private static void Flush(List<string> sentences, StringBuilder current, int maxLength)
    {
        string sentence = current.ToString().Trim();
        current.Clear();
        if (!ContainsLetterOrDigit(sentence))
        {
            return;
        }

        sentences.AddRange(SplitLongSentence(sentence, maxLength));
    }

    // Packs comma-separated clauses greedily up to maxLength; a clause longer than that is packed by words.
    private static List<string> SplitLongSentence(string sentence, int maxLength)
    {
        var pieces = new List<string>();
        if (sentence.Length <= maxLength)
        {
            pieces.Add(sentence);
            return pieces;
        }

        var current = new StringBuilder();
        foreach (string clause in SplitAfter(sentence, ','))
        {
            if (clause.Length > maxLength)
            {
                AddPiece(pieces, current);
                foreach (string word in SplitAfter(clause, ' '))
                {
                    if (current.Length + word.Length > maxLength)
                    {
                        AddPiece(pieces, current);
                    }

                    current.Append(word);
                }

                continue;
            }

            if (current.Length + clause.Length > maxLength)
            {
                AddPiece(pieces, current);
            }

            current.Append(clause);
        }

        AddPiece(pieces, current);
        return pieces;
    }

    // Splits after each separator that is followed by whitespace (so "2,5" stays whole), keeping the separator.
    private static List<string> SplitAfter(string text, char separator)
    {
        var parts = new List<string>();
        int start = 0;
        for (int index = 0; index < text.Length; index++)
        {
            if (text[index] == separator && (separator == ' ' || index + 1 == text.Length || char.IsWhiteSpace(text[index + 1])))
            {
                parts.Add(text[start..(index + 1)]);
                start = index + 1;
            }
        }

        if (start < text.Length)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    private static void AddPiece(List<string> pieces, StringBuilder current)
    {
        string piece = current.ToString().Trim();
        current.Clear();
        if (piece.Length > 0)
        {
            pieces.Add(piece);
        }
    }
}
