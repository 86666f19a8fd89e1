using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// AES in counter mode as SRTP defines it (RFC 3711 §4.1.1): keystream block j is
/// AES(key, IV + j), the IV's low 16 bits being zero, so j only fills the last two bytes.
/// One cached ECB transform and two reused buffers: no allocation per call.
/// Not thread-safe; the owning context serializes use.
/// </summary>
internal sealed class AesCounterMode : IDisposable
{
    private const int BlockLength = 16;

    // 1280 bytes cover an MTU-sized payload in one AES call; longer ones take several.
    private const int ChunkLength = 80 * BlockLength;

    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor;
    private readonly byte[] _counterBlocks = new byte[ChunkLength];
    private readonly byte[] _keystream = new byte[ChunkLength];

    [SuppressMessage("Security", "CA5358:Review cipher mode usage with cryptography experts",
        Justification = "ECB over counter blocks is how AES counter mode is built (RFC 3711 §4.1.1); Aes.EncryptEcb allocates per call, a cached transform does not.")]
    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _encryptor = _aes.CreateEncryptor();
    }

    /// <summary>
    /// XORs <paramref name="input"/> with the keystream that starts at <paramref name="iv"/> into
    /// <paramref name="output"/> (the same length; it may be the same memory as the input).
    /// </summary>
    public void Transform(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
    {
        int offset = 0;
        int blockCounter = 0;
        while (offset < input.Length)
        {
            int length = Math.Min(ChunkLength, input.Length - offset);
            int blocks = (length + BlockLength - 1) / BlockLength;
            FillKeystream(iv, blockCounter, blocks);
            Xor(input.Slice(offset, length), _keystream.AsSpan(0, length), output.Slice(offset, length));
            offset += length;
            blockCounter += blocks;
        }
    }

    /// <summary>Writes the raw keystream that starts at <paramref name="iv"/> into <paramref name="output"/>.</summary>
    public void GenerateKeystream(ReadOnlySpan<byte> iv, Span<byte> output)
    {
        int offset = 0;
        int blockCounter = 0;
        while (offset < output.Length)
        {
            int length = Math.Min(ChunkLength, output.Length - offset);
            int blocks = (length + BlockLength - 1) / BlockLength;
            FillKeystream(iv, blockCounter, blocks);
            _keystream.AsSpan(0, length).CopyTo(output.Slice(offset));
            offset += length;
            blockCounter += blocks;
        }
    }

    public void Dispose()
    {
        _encryptor.Dispose();
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_keystream);
    }

    private void FillKeystream(ReadOnlySpan<byte> iv, int firstBlock, int blocks)
    {
        Span<byte> counters = _counterBlocks.AsSpan(0, blocks * BlockLength);
        ushort low = BinaryPrimitives.ReadUInt16BigEndian(iv.Slice(14, 2));
        for (int block = 0; block < blocks; block++)
        {
            Span<byte> counter = counters.Slice(block * BlockLength, BlockLength);
            iv[..14].CopyTo(counter);

            // RFC 3711 §4.1.1: IV + j mod 2^128; the IV's low 16 bits are zero in SRTP,
            // and a 1 MB keystream limit keeps j within them.
            BinaryPrimitives.WriteUInt16BigEndian(counter[14..], (ushort)(low + firstBlock + block));
        }

        _encryptor.TransformBlock(_counterBlocks, 0, blocks * BlockLength, _keystream, 0);
    }

    private static void Xor(ReadOnlySpan<byte> input, ReadOnlySpan<byte> keystream, Span<byte> output)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<byte>.Count;
            for (; i <= input.Length - width; i += width)
            {
                var result = new Vector<byte>(input.Slice(i, width)) ^ new Vector<byte>(keystream.Slice(i, width));
                result.CopyTo(output.Slice(i, width));
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
    }
}
