using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Benchmarks.Sources;

/// <summary>
/// Time from a long TTS bulletin's request to its first 20 ms frame, with real espeak-ng (the goal: under
/// 300 ms). The baseline gives espeak-ng the whole first sentence; the default cuts the first piece short.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class TextToSpeechLatencyBenchmarks
{
    private const string Sentence =
        "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc tại các thôn trong xã, đề nghị bà con mang theo sổ theo dõi và chấp hành hướng dẫn của cán bộ thú y. ";

    private readonly short[] _frame = new short[960];
    private readonly EspeakTextToSpeechEngine _engine = new();
    private readonly string _bulletin = string.Concat(Enumerable.Repeat(Sentence, 20));
    private readonly VietnameseTextNormalizer _shortFirstPiece = new();
    private readonly VietnameseTextNormalizer _wholeFirstSentence = new() { FirstPieceMaxLength = VietnameseTextNormalizer.DefaultMaxSentenceLength };

    [Benchmark(Baseline = true, Description = "first frame, whole first sentence")]
    public Task<AudioSourceReadResult> WholeFirstSentence() => FirstFrameAsync(_wholeFirstSentence);

    [Benchmark(Description = "first frame, short first piece")]
    public Task<AudioSourceReadResult> ShortFirstPiece() => FirstFrameAsync(_shortFirstPiece);

    private async Task<AudioSourceReadResult> FirstFrameAsync(VietnameseTextNormalizer normalizer)
    {
        IReadOnlyList<string> pieces = normalizer.NormalizeSentences(_bulletin);
        await using var source = new TextToSpeechSource(_engine, pieces, TextToSpeechVoice.Default);
        return await source.ReadFrameAsync(_frame, CancellationToken.None);
    }
}
