using System.Net;
using System.Text;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

/// <summary>Builds Binding requests the way a controlling browser sends them to an ICE-lite answerer.</summary>
internal static class IceCheckBuilder
{
    private static int _transactionCounter;

    /// <summary>
    /// USERNAME "recipient:sender", PRIORITY, ICE-CONTROLLING (or ICE-CONTROLLED), USE-CANDIDATE,
    /// MESSAGE-INTEGRITY keyed by <paramref name="password"/> (none when null) and FINGERPRINT.
    /// </summary>
    public static byte[] Build(
        string? username,
        string? password,
        bool useCandidate = true,
        bool controlled = false,
        bool fingerprint = true,
        ushort? extraAttribute = null,
        byte[]? transactionId = null)
    {
        byte[] buffer = new byte[512];
        transactionId ??= NextTransactionId();
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        if (username is not null)
        {
            writer.AddUsername(Encoding.ASCII.GetBytes(username));
        }

        if (extraAttribute is { } type)
        {
            writer.AddAttribute((StunAttributeType)type, [0, 1, 0, 10]);
        }

        writer.AddPriority(1853824767);
        if (controlled)
        {
            writer.AddIceControlled(0x0102_0304_0506_0708);
        }
        else
        {
            writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
        }

        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        if (password is not null)
        {
            writer.AddMessageIntegrity(Encoding.ASCII.GetBytes(password));
        }

        int length = fingerprint ? writer.AddFingerprint() : writer.Length;
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>A Binding indication (a keepalive), which needs no answer.</summary>
    public static byte[] BuildIndication()
    {
        byte[] buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Indication, NextTransactionId());
        int length = writer.AddFingerprint();
        return buffer.AsSpan(0, length).ToArray();
    }

    public static SocketAddress Address(string ip, int port) => new IPEndPoint(IPAddress.Parse(ip), port).Serialize();

    private static byte[] NextTransactionId()
    {
        byte[] id = new byte[StunMessage.TransactionIdLength];
        BitConverter.TryWriteBytes(id, Interlocked.Increment(ref _transactionCounter));
        id[11] = 0x5A;
        return id;
    }
}
