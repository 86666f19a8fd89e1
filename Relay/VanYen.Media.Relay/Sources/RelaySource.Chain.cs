using System.Globalization;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Relay.Sources;

/// <summary>The background task: the fallback chain, one ffmpeg connection at a time, the fallback source.</summary>
public sealed partial class RelaySource
{
    private async Task RunChainAsync()
    {
        CancellationToken stop = _stop.Token;
        IReadOnlyList<Uri> urls = _options.Urls;
        try
        {
            for (int index = 0; index < urls.Count; index++)
            {
                Uri url = urls[index];
                if (index > 0)
                {
                    Raise(RelayTransitionKind.SwitchedUrl, url, $"{Describe(urls[index - 1])} failed {Tries(_options.RetriesPerUrl)}; trying URL {index + 1} of {urls.Count}");
                }

                int retriesLeft = _options.RetriesPerUrl;
                while (true)
                {
                    if (await PlayUrlAsync(url, stop).ConfigureAwait(false))
                    {
                        retriesLeft = _options.RetriesPerUrl;
                    }

                    if (retriesLeft == 0)
                    {
                        break;
                    }

                    retriesLeft--;
                    Raise(RelayTransitionKind.Retrying, url, $"retry {_options.RetriesPerUrl - retriesLeft} of {_options.RetriesPerUrl} in {Seconds(_options.RetryDelay)}");
                    await Task.Delay(_options.RetryDelay, _timeProvider, stop).ConfigureAwait(false);
                }
            }

            _currentUrl = null;
            if (_options.Fallback is null)
            {
                Raise(RelayTransitionKind.GaveUp, urls[^1], "every URL failed and no fallback is configured");
                return;
            }

            Raise(RelayTransitionKind.FellBackToFile, null, "every URL failed; playing the fallback");
            string outcome = await PlayFallbackAsync(stop).ConfigureAwait(false);
            Raise(RelayTransitionKind.GaveUp, null, "every URL failed and " + outcome);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed.
        }
#pragma warning disable CA1031 // The relay must end cleanly (EndOfStream and an alert), whatever broke.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Raise(RelayTransitionKind.GaveUp, _currentUrl, "the relay broke: " + exception.Message);
        }
        finally
        {
            _currentUrl = null;
            _inputsEnded = true;
        }
    }

    /// <summary>One connection, from opening to its first trouble; true when it played long enough to restore the retries.</summary>
    private async Task<bool> PlayUrlAsync(Uri url, CancellationToken stop)
    {
        _currentUrl = url;
        // The watchdog is re-armed before each read from ffmpeg and disarmed after, so waiting for the reader
        // (a full buffer) never counts as a stall. Cancelling it kills ffmpeg, which ends the pending read.
        using var watchdog = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        using CancellationTokenRegistration link = stop.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), watchdog);
        FfmpegAudioDecoder? decoder = null;
        long audibleFrames = 0;
        long quietFrames = 0;
        try
        {
            watchdog.CancelAfter(_options.StallTimeout);
            decoder = await FfmpegAudioDecoder.OpenAsync(url.OriginalString, _options.Decoder, watchdog.Token).ConfigureAwait(false);
            Raise(RelayTransitionKind.Connected, url, decoder.DetectedFormat is { } format ? format + " stream" : "audio stream");
            while (true)
            {
                watchdog.CancelAfter(Timeout.InfiniteTimeSpan);
                short[] buffer = await _buffer.WaitForSlotAsync(stop).ConfigureAwait(false);
                watchdog.CancelAfter(_options.StallTimeout);
                bool decoded;
                try
                {
                    decoded = await decoder.ReadFrameAsync(buffer, watchdog.Token).ConfigureAwait(false) == AudioSourceReadResult.Frame;
                }
                catch
                {
                    _buffer.Abandon();
                    throw;
                }

                if (!decoded)
                {
                    _buffer.Abandon();
                    Raise(RelayTransitionKind.Failed, url, "the stream ended");
                    return audibleFrames >= _restoreFrames;
                }

                double meanSquare = AudioLevelMeter.ComputeMeanSquare(buffer);
                _buffer.Publish();
                if (meanSquare < _silenceMeanSquare)
                {
                    if (++quietFrames >= _silenceFrames)
                    {
                        Raise(RelayTransitionKind.Silent, url, $"below {_options.SilenceThresholdDbfs.ToString(CultureInfo.InvariantCulture)} dBFS for {Seconds(_options.SilenceTimeout)}");
                        return audibleFrames >= _restoreFrames;
                    }
                }
                else
                {
                    quietFrames = 0;
                    audibleFrames++;
                }
            }
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            Raise(RelayTransitionKind.Stalled, url, $"no data for {Seconds(_options.StallTimeout)}");
            return audibleFrames >= _restoreFrames;
        }
        catch (Exception exception) when (exception is AudioDecodeException or IOException or InvalidOperationException)
        {
            Raise(RelayTransitionKind.Failed, url, exception.Message);
            return audibleFrames >= _restoreFrames;
        }
        finally
        {
            if (decoder is not null)
            {
                await decoder.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Plays the fallback to its end; returns how it ended, for the alert's reason.</summary>
    private async Task<string> PlayFallbackAsync(CancellationToken stop)
    {
        IAudioSource source;
        try
        {
            source = await _options.Fallback!(stop).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            RelayLog.FallbackFailed(_logger, Description, exception);
            return "the fallback could not be opened: " + exception.Message;
        }

        await using (source.ConfigureAwait(false))
        {
            while (true)
            {
                short[] buffer = await _buffer.WaitForSlotAsync(stop).ConfigureAwait(false);
                AudioSourceReadResult result;
                try
                {
                    result = await source.ReadFrameAsync(buffer, stop).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    _buffer.Abandon();
                    RelayLog.FallbackFailed(_logger, Description, exception);
                    return $"the fallback {source.Description} failed: {exception.Message}";
                }

                if (result == AudioSourceReadResult.EndOfStream)
                {
                    _buffer.Abandon();
                    return $"the fallback {source.Description} has ended";
                }

                _buffer.Publish();
            }
        }
    }

    private static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static string Tries(int retries) => retries == 0 ? "once" : $"{retries + 1} times";

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
