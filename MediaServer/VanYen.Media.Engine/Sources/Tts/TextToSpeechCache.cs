using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using VanYen.Media.Engine.Audio.Wav;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Keeps renders on disk, one 48 kHz mono WAV file per (engine, text, voice, rate, pitch), named by the
/// SHA-256 of that key, so a bulletin read again (every morning, on several clusters) starts without
/// running the engine. Wraps another engine: a hit is served from the file, a miss is rendered and stored.
/// </summary>
/// <remarks>
/// The folder is bounded to <see cref="MaxBytes"/>: after a store, the least recently used files go
/// first. Use times are written to the files (their access time), so the order survives a restart.
/// A damaged or foreign file is ignored, deleted and rendered again. Thread-safe.
/// </remarks>
public sealed class TextToSpeechCache : ITextToSpeechEngine
{
    /// <summary>Bound used when none is given: 256 MiB, about 45 minutes of speech.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    private const string Extension = ".wav";

    private readonly ITextToSpeechEngine _inner;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private long _totalBytes;
    private long _hits;
    private long _misses;

    /// <summary>Caches <paramref name="inner"/>'s renders in <paramref name="directory"/> (created if missing), up to <paramref name="maxBytes"/>.</summary>
    public TextToSpeechCache(ITextToSpeechEngine inner, string directory, long maxBytes = DefaultMaxBytes, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _inner = inner;
        Directory = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        _timeProvider = timeProvider ?? TimeProvider.System;
        System.IO.Directory.CreateDirectory(Directory);
        LoadIndex();
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>Most bytes kept on disk.</summary>
    public long MaxBytes { get; }

    /// <summary>Bytes on disk now.</summary>
    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _totalBytes;
            }
        }
    }

    /// <summary>Renders on disk now.</summary>
    public int EntryCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Requests served from disk.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests that ran the engine.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The file name (without folder) a render of <paramref name="text"/> with <paramref name="voice"/> is kept under.</summary>
    public string GetFileName(string text, TextToSpeechVoice voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        string key = string.Join('\n', _inner.Name, voice.Name, voice.Rate.ToString(CultureInfo.InvariantCulture), voice.Pitch.ToString(CultureInfo.InvariantCulture), text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + Extension;
    }

    /// <inheritdoc />
    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, TextToSpeechVoice voice, CancellationToken cancellationToken)
    {
        string fileName = GetFileName(text, voice);
        string path = Path.Combine(Directory, fileName);
        SynthesizedSpeech? cached = await TryLoadAsync(fileName, path, cancellationToken).ConfigureAwait(false);
        if (cached is not null)
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        Interlocked.Increment(ref _misses);
        SynthesizedSpeech speech = await _inner.SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false);
        try
        {
            await StoreAsync(fileName, path, speech, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A full or read-only disk costs the cache, not the bulletin.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: play what was rendered.
        }

        return speech;
    }

    /// <summary>Deletes every cached render.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (string fileName in _entries.Keys)
            {
                TryDelete(Path.Combine(Directory, fileName));
            }

            _entries.Clear();
            _totalBytes = 0;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open elsewhere: it goes on the next eviction.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to delete.
        }
    }

    private static SynthesizedSpeech? Decode(ReadOnlySpan<byte> file)
    {
        if (!WavHeader.TryParse(file, out WavHeader header)
            || !header.IsPcm16
            || header.ChannelCount != 1
            || header.SampleRate != SynthesizedSpeech.SampleRate)
        {
            return null;
        }

        ReadOnlySpan<byte> data = file[header.DataOffset..];
        if (!header.IsDataLengthUnknown)
        {
            if (header.DeclaredDataLength > data.Length)
            {
                // Truncated: a crash mid-write that escaped the rename, or a damaged disk.
                return null;
            }

            data = data[..(int)header.DeclaredDataLength];
        }

        data = data[..(data.Length & ~1)];
        if (!BitConverter.IsLittleEndian)
        {
            return null;
        }

        return SynthesizedSpeech.Copy(MemoryMarshal.Cast<byte, short>(data));
    }

    private void LoadIndex()
    {
        lock (_gate)
        {
            foreach (FileInfo file in new DirectoryInfo(Directory).EnumerateFiles("*" + Extension))
            {
                _entries[file.Name] = new CacheEntry(file.Length, file.LastAccessTimeUtc);
                _totalBytes += file.Length;
            }

            EvictLocked();
        }
    }

    private async Task<SynthesizedSpeech?> TryLoadAsync(string fileName, string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.ContainsKey(fileName))
            {
                return null;
            }
        }

        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            Forget(fileName);
            return null;
        }

        SynthesizedSpeech? speech = Decode(file);
        if (speech is null)
        {
            Forget(fileName);
            TryDelete(path);
            return null;
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(fileName, out CacheEntry? entry))
            {
                entry.LastUsed = now.UtcDateTime;
            }
        }

        try
        {
            File.SetLastAccessTimeUtc(path, now.UtcDateTime);
        }
        catch (IOException)
        {
            // The in-memory order still holds until restart.
        }

        return speech;
    }

    private async Task StoreAsync(string fileName, string path, SynthesizedSpeech speech, CancellationToken cancellationToken)
    {
        int dataLength = speech.Length * 2;
        byte[] file = ArrayPool<byte>.Shared.Rent(WavHeader.CanonicalLength + dataLength);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            WavHeader.WritePcm16(file, SynthesizedSpeech.SampleRate, 1, (uint)dataLength);
            MemoryMarshal.AsBytes(speech.Samples.Span).CopyTo(file.AsSpan(WavHeader.CanonicalLength));
            await File.WriteAllBytesAsync(temporary, file.AsMemory(0, WavHeader.CanonicalLength + dataLength), cancellationToken).ConfigureAwait(false);

            // Written aside, then renamed: a reader never sees half a file.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(file);
            if (File.Exists(temporary))
            {
                TryDelete(temporary);
            }
        }

        DateTime now = _timeProvider.GetUtcNow().UtcDateTime;
        try
        {
            File.SetLastAccessTimeUtc(path, now);
        }
        catch (IOException)
        {
            // The in-memory order still holds until restart.
        }

        lock (_gate)
        {
            if (_entries.Remove(fileName, out CacheEntry? previous))
            {
                _totalBytes -= previous.Size;
            }

            long size = WavHeader.CanonicalLength + dataLength;
            _entries[fileName] = new CacheEntry(size, now);
            _totalBytes += size;
            EvictLocked();
        }
    }

    private void Forget(string fileName)
    {
        lock (_gate)
        {
            if (_entries.Remove(fileName, out CacheEntry? entry))
            {
                _totalBytes -= entry.Size;
            }
        }
    }

    private void EvictLocked()
    {
        if (_totalBytes <= MaxBytes)
        {
            return;
        }

        var byAge = new List<KeyValuePair<string, CacheEntry>>(_entries);
        byAge.Sort((left, right) => left.Value.LastUsed.CompareTo(right.Value.LastUsed));
        foreach (KeyValuePair<string, CacheEntry> oldest in byAge)
        {
            if (_totalBytes <= MaxBytes)
            {
                break;
            }

            TryDelete(Path.Combine(Directory, oldest.Key));
            _entries.Remove(oldest.Key);
            _totalBytes -= oldest.Value.Size;
        }
    }

    private sealed class CacheEntry(long size, DateTime lastUsed)
    {
        public long Size { get; } = size;

        public DateTime LastUsed { get; set; } = lastUsed;
    }
}
