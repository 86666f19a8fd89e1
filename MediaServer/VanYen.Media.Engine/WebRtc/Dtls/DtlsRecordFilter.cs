using System.Buffers.Binary;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// A look at the record headers of a received datagram (RFC 6347 §4.1) before BouncyCastle sees it, to drop
/// what it would treat as fatal although RFC 6347 §4.1.2.7 says invalid records are discarded.
/// </summary>
internal static class DtlsRecordFilter
{
    public const int RecordHeaderLength = 13;

    /// <summary>
    /// False when a record of epoch 1 or later is shorter than <paramref name="minimumProtectedLength"/>: it cannot
    /// be a valid AEAD record, and BouncyCastle would fail the whole association with decode_error.
    /// </summary>
    public static bool IsAcceptable(ReadOnlySpan<byte> datagram, int minimumProtectedLength)
    {
        while (datagram.Length >= RecordHeaderLength)
        {
            ushort epoch = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(3));
            int length = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(11));
            if (epoch != 0 && length < minimumProtectedLength)
            {
                return false;
            }

            if (datagram.Length - RecordHeaderLength < length)
            {
                // A truncated last record: BouncyCastle discards it.
                return true;
            }

            datagram = datagram.Slice(RecordHeaderLength + length);
        }

        return true;
    }
}
