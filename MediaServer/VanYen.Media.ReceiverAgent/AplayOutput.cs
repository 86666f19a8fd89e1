using System.Buffers.Binary;
using System.Diagnostics;

namespace VanYen.Media.ReceiverAgent;

/// <summary>Plays through ALSA: pipes the frames to <c>aplay -f S16_LE -r 48000 -c 1</c>.</summary>
public sealed class AplayOutput : IAgentAudioOutput
{
    private readonly Process _aplay;
    private readonly Stream _input;
    private readonly byte[] _frameBytes = new byte[960 * 2];

    /// <summary>Starts aplay.</summary>
    public AplayOutput()
    {
        var start = new ProcessStartInfo("aplay") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-q", "-t", "raw", "-f", "S16_LE", "-r", "48000", "-c", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        _aplay = Process.Start(start) ?? throw new InvalidOperationException("aplay did not start (install alsa-utils).");
        _input = _aplay.StandardInput.BaseStream;
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<short> frame)
    {
        int length = Math.Min(frame.Length, _frameBytes.Length / 2);
        for (int i = 0; i < length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(_frameBytes.AsSpan(i * 2), frame[i]);
        }

        try
        {
            _input.Write(_frameBytes, 0, length * 2);
        }
        catch (IOException)
        {
            // aplay exited (device busy or gone): the agent keeps running and receiving.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _input.Dispose();
            _aplay.WaitForExit(2000);
        }
        catch (IOException)
        {
        }

        if (!_aplay.HasExited)
        {
            _aplay.Kill();
        }

        _aplay.Dispose();
    }
}
