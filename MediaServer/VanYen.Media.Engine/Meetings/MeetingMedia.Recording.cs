using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Meetings;

// Recording: the listener mix (every talker) is already encoded once per tick; its packets go into an Ogg Opus file.
internal sealed partial class MeetingMedia
{
    private OggOpusWriter? _recordingWriter;
    private FileStream? _recordingStream;
    private string? _recordingPath;
    private long _recordedFrames;

    /// <inheritdoc/>
    public bool IsRecording
    {
        get
        {
            lock (_lock)
            {
                return _recordingWriter is not null;
            }
        }
    }

    /// <inheritdoc/>
    public void StartRecording(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_recordingWriter is not null)
            {
                throw new InvalidOperationException($"Meeting {MeetingId} is already being recorded.");
            }

            // The clock thread writes a page about every 400 ms (20 packets); a buffered stream keeps that a memory copy.
            var stream = new FileStream(filePath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
            // RFC 7845 §5.1: the input sample rate is informational (granule positions stay 48 kHz); say what was encoded.
            var options = new OggOpusWriterOptions { InputSampleRate = (uint)_options.SampleRate };
            options.Comments.Add(new KeyValuePair<string, string>("TITLE", "Meeting " + MeetingId));
            _recordingWriter = new OggOpusWriter(stream, options, leaveOpen: true);
            _recordingStream = stream;
            _recordingPath = filePath;
            _recordedFrames = 0;
        }

        LogRecordingStarted(_logger, MeetingId, filePath);
    }

    /// <inheritdoc/>
    public async Task<MeetingRecordingResult?> StopRecordingAsync()
    {
        OggOpusWriter? writer;
        FileStream? stream;
        string? path;
        long frames;
        lock (_lock)
        {
            writer = _recordingWriter;
            stream = _recordingStream;
            path = _recordingPath;
            frames = _recordedFrames;
            _recordingWriter = null;
            _recordingStream = null;
            _recordingPath = null;
        }

        if (writer is null || stream is null || path is null)
        {
            return null;
        }

        try
        {
            await writer.CompleteAsync().ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        var result = new MeetingRecordingResult(path, TimeSpan.FromMilliseconds(frames * Audio.PcmFrame.DurationMilliseconds), new FileInfo(path).Length);
        LogRecordingStopped(_logger, MeetingId, result.Duration, result.Bytes);
        return result;
    }

    // Under the lock, on the clock thread.
    private void WriteRecording(ReadOnlySpan<byte> packet)
    {
        if (_recordingWriter is not { } writer)
        {
            return;
        }

        try
        {
            writer.WritePacket(packet);
            _recordedFrames++;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A full disk must not stop the meeting: the recording ends here, what was written stays readable.
            LogRecordingFailed(_logger, MeetingId, exception);
            _recordingWriter = null;
            writer.Dispose();
            _recordingStream?.Dispose();
            _recordingStream = null;
        }
    }
}
