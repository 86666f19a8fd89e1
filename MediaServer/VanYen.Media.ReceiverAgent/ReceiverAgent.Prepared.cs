using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

public sealed partial class ReceiverAgent
{
    private readonly Dictionary<string, PreparedAudio> _prepared = new(StringComparer.Ordinal);

    /// <summary>Raised when a prepared program is downloaded, verified and decoded, ready for its start time.</summary>
    public event EventHandler<PreparedProgram>? ProgramPrepared;

    /// <summary>Ids of the prepared programs held (downloaded and verified), played or not.</summary>
    public IReadOnlyList<string> BufferedPrograms
    {
        get
        {
            lock (_playoutLock)
            {
                return [.. _prepared.Keys];
            }
        }
    }

    private async Task PrepareAsync(PreparedProgram program)
    {
        lock (_playoutLock)
        {
            if (_prepared.ContainsKey(program.ProgramId))
            {
                return;
            }
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.Server, program.DownloadUrl));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] file = await response.Content.ReadAsByteArrayAsync(_stopping.Token).ConfigureAwait(false);
            string sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            if (!string.Equals(sha256, program.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                LogPrepareFailed(_logger, program.ProgramId, "SHA-256 mismatch");
                return;
            }

            short[] pcm = Decode(file);
            lock (_playoutLock)
            {
                _prepared[program.ProgramId] = new PreparedAudio(program, pcm);
            }

            LogPrepared(_logger, program.ProgramId, program.StartAt);
            ProgramPrepared?.Invoke(this, program);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidDataException or TaskCanceledException)
        {
            LogPrepareFailed(_logger, program.ProgramId, exception.Message);
        }
    }

    private void CancelPrepared(string programId)
    {
        lock (_playoutLock)
        {
            if (_prepared.Remove(programId, out PreparedAudio? prepared) && prepared == _playingPrepared)
            {
                _playingPrepared = null;
                Confirm(programId, PlaybackEvent.Finished, ServerNow);
            }
        }
    }

    /// <summary>Fills <paramref name="frame"/> from the prepared program due now, if any; called under the playout lock.</summary>
    private PreparedAudio? NextPreparedFrame(DateTimeOffset serverNow, short[] frame)
    {
        PreparedAudio? playing = _playingPrepared;
        if (playing is null)
        {
            foreach (PreparedAudio candidate in _prepared.Values)
            {
                if (candidate.Finished || serverNow < candidate.Program.StartAt)
                {
                    continue;
                }

                // Join late rather than not at all (e.g. decoded after the start), in step with the server's timeline.
                long offset = (long)((serverNow - candidate.Program.StartAt).TotalSeconds * SampleRate);
                if (offset >= candidate.Pcm.Length)
                {
                    candidate.Finished = true;
                    continue;
                }

                candidate.Position = (int)offset;
                playing = candidate;
                _playingPrepared = candidate;
                Confirm(candidate.Program.ProgramId, PlaybackEvent.Started, serverNow);
                break;
            }

            if (playing is null)
            {
                return null;
            }
        }

        // Follow the server's timeline, not the tick count: after a stall of this thread (ticks skipped) jump ahead.
        long due = (long)((serverNow - playing.Program.StartAt).TotalSeconds * SampleRate);
        if (due - playing.Position > 2 * FrameSamples)
        {
            playing.Position = (int)Math.Min(due, playing.Pcm.Length);
        }

        int available = Math.Min(FrameSamples, playing.Pcm.Length - playing.Position);
        playing.Pcm.AsSpan(playing.Position, available).CopyTo(frame);
        frame.AsSpan(available).Clear();
        playing.Position += available;
        if (playing.Position >= playing.Pcm.Length)
        {
            playing.Finished = true;
            _playingPrepared = null;
            Confirm(playing.Program.ProgramId, PlaybackEvent.Finished, serverNow);
        }

        return playing;
    }

    private static short[] Decode(byte[] oggOpus)
    {
        using var stream = new MemoryStream(oggOpus, writable: false);
        using var reader = OggOpusReader.Open(stream);
        using var decoder = new OpusAudioDecoder(SampleRate, 1);
        var pcm = new List<short>(oggOpus.Length * 8);
        short[] packetPcm = new short[5760];
        while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out _))
        {
            int samples = decoder.Decode(packet.Span, packetPcm);
            if (samples > 0)
            {
                pcm.AddRange(packetPcm.AsSpan(0, samples));
            }
        }

        // RFC 7845 §4.2: the first pre-skip samples are decoder warm-up, not audio.
        int skip = Math.Min(reader.PreSkip, pcm.Count);
        return [.. pcm.GetRange(skip, pcm.Count - skip)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared program {ProgramId} ready for {StartAt}")]
    private static partial void LogPrepared(ILogger logger, string programId, DateTimeOffset startAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prepared program {ProgramId} could not be prepared: {Reason}")]
    private static partial void LogPrepareFailed(ILogger logger, string programId, string reason);
}
