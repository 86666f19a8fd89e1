using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Tests.WebRtc.Sdp;

/// <summary>
/// Seeded random mutations of real offers: Parse may only throw <see cref="SdpParseException"/>, what parses
/// must survive ToString → Parse unchanged, and answering may only throw <see cref="SdpNegotiationException"/>.
/// </summary>
public class SdpFuzzTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :=/;*-.{}\t\r\n\0ÿ";

    private static readonly string[] LinePieces =
    [
        "a=", "m=", "c=", "t=0 0", "v=0", "a=candidate:", "a=rtpmap:", "a=fmtp:", "a=ssrc:", "a=extmap:", "a=setup:",
        "a=fingerprint:", "a=group:BUNDLE", "a=mid:", "a=sendonly", "a=rtcp-fb:*", "99999999999999999999999", "-1", "",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MutatedOffersOnlyEverThrowSdpExceptions(int seed)
    {
        var random = new Random(seed);
        var options = new SdpAnswerOptions
        {
            IceUfrag = "srv1",
            IcePassword = "ServerIcePassword0123456",
            Fingerprint = new SdpFingerprint("sha-256", new byte[32]),
            SessionId = "1",
        };
        int parsed = 0;
        int answered = 0;
        for (int iteration = 0; iteration < 400; iteration++)
        {
            string source = random.Next(2) == 0 ? SdpTestData.ChromeOffer : SdpTestData.FirefoxOffer;
            string mutated = Mutate(source, random);

            SessionDescription description;
            try
            {
                description = SessionDescription.Parse(mutated);
            }
            catch (SdpParseException exception)
            {
                Assert.InRange(exception.LineNumber, 1, mutated.Length + 1);
                continue;
            }

            parsed++;
            string written = description.ToString();
            var reparsed = SessionDescription.Parse(written);
            Assert.Equal(written, reparsed.ToString());

            try
            {
                var session = SdpAnswerer.CreateAnswer(description, options);
                SessionDescription.Parse(session.LocalSdp);
                answered++;
            }
            catch (SdpNegotiationException)
            {
            }
        }

        // The mutations are small: a good share must still parse, or the test exercises nothing beyond line 1.
        Assert.InRange(parsed, 40, 400);
        Assert.InRange(answered, 1, parsed);
    }

    [Fact]
    public void RoundTripOfAParsedMutationKeepsTheModel()
    {
        var random = new Random(42);
        int checkedCount = 0;
        for (int iteration = 0; iteration < 200 && checkedCount < 40; iteration++)
        {
            if (SessionDescription.TryParse(Mutate(SdpTestData.ChromeOffer, random), out var description))
            {
                Assert.Equivalent(description, SessionDescription.Parse(description!.ToString()), strict: true);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} mutations parsed");
    }

    [Fact]
    public void RandomTextOnlyThrowsSdpParseException()
    {
        var random = new Random(7);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            string text = random.Next(2) == 0 ? "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\n" + new string(chars) : new string(chars);
            SessionDescription.TryParse(text, out _, out _);
        }
    }

    private static string Mutate(string sdp, Random random)
    {
        var lines = new List<string>(sdp.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations; m++)
        {
            int index = random.Next(lines.Count);
            string line = lines[index];
            switch (random.Next(9))
            {
                case 0:
                    lines.RemoveAt(index);
                    break;
                case 1:
                    lines.Insert(random.Next(lines.Count + 1), line);
                    break;
                case 2:
                    int other = random.Next(lines.Count);
                    (lines[index], lines[other]) = (lines[other], lines[index]);
                    break;
                case 3:
                    lines[index] = line[..random.Next(line.Length + 1)];
                    break;
                case 4:
                    if (line.Length > 0)
                    {
                        int at = random.Next(line.Length);
                        lines[index] = line[..at] + Alphabet[random.Next(Alphabet.Length)] + line[(at + 1)..];
                    }

                    break;
                case 5:
                    int insertAt = random.Next(line.Length + 1);
                    lines[index] = line[..insertAt] + Alphabet[random.Next(Alphabet.Length)] + line[insertAt..];
                    break;
                case 6:
                    lines[index] = line + " " + LinePieces[random.Next(LinePieces.Length)];
                    break;
                case 7:
                    lines.Insert(index, LinePieces[random.Next(LinePieces.Length)]);
                    break;
                default:
                    // Replace a number with another, possibly out of range.
                    lines[index] = ReplaceFirstNumber(line, random);
                    break;
            }

            if (lines.Count == 0)
            {
                lines.Add(string.Empty);
            }
        }

        return string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines) + "\r\n";
    }

    private static string ReplaceFirstNumber(string line, Random random)
    {
        int start = line.IndexOfAny("0123456789".ToCharArray());
        if (start < 0)
        {
            return line;
        }

        int end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        string[] replacements = ["0", "1", "127", "128", "255", "256", "65535", "65536", "4294967295", "4294967296", "18446744073709551616", string.Empty];
        return line[..start] + replacements[random.Next(replacements.Length)] + line[end..];
    }
}
