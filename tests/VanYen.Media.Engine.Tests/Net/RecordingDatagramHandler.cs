using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Tests.Net;

/// <summary>
/// A handler that records each datagram into preallocated arrays (so it allocates nothing itself),
/// and can throw, answer, or keep buffers on request.
/// </summary>
internal sealed class RecordingDatagramHandler : IDatagramHandler
{
    private readonly PacketKind[] _kinds;
    private readonly int[] _sequences;
    private readonly int[] _lengths;
    private readonly bool[] _intact;
    private readonly PacketBuffer[] _held;
    private int _count;
    private int _heldCount;

    public RecordingDatagramHandler(int capacity = 20_000)
    {
        _kinds = new PacketKind[capacity];
        _sequences = new int[capacity];
        _lengths = new int[capacity];
        _intact = new bool[capacity];
        _held = new PacketBuffer[capacity];
    }

    /// <summary>Throw after recording every n-th datagram (1-based); 0 never.</summary>
    public int ThrowEvery { get; init; }

    /// <summary>Take and keep each datagram's buffer until <see cref="ReleaseHeldBuffers"/>.</summary>
    public bool HoldBuffers { get; init; }

    /// <summary>Send each datagram back to its sender through the transport it came in on.</summary>
    public bool Echo { get; init; }

    /// <summary>Datagrams handled so far (published after the arrays are written).</summary>
    public int Count => Volatile.Read(ref _count);

    public int HeldCount => Volatile.Read(ref _heldCount);

    public PacketKind KindAt(int index) => _kinds[index];

    /// <summary>The RTP sequence number of datagram <paramref name="index"/>, or -1 when it is not a <see cref="TestDatagrams.WriteRtp"/> packet.</summary>
    public int SequenceAt(int index) => _sequences[index];

    public int LengthAt(int index) => _lengths[index];

    /// <summary>True when datagram <paramref name="index"/> was an RTP packet whose checksum matched.</summary>
    public bool IsIntactAt(int index) => _intact[index];

    public void OnDatagram(ReceivedDatagram datagram)
    {
        int index = _count;
        _kinds[index] = datagram.Kind;
        _lengths[index] = datagram.Length;
        ushort sequence = 0;
        bool intact = datagram.Kind == PacketKind.Rtp && TestDatagrams.TryReadRtp(datagram.Data, out sequence);
        _intact[index] = intact;
        _sequences[index] = intact ? sequence : -1;
        if (Echo)
        {
            datagram.Transport.TrySend(datagram.Data, datagram.Remote);
        }

        if (HoldBuffers)
        {
            _held[_heldCount] = datagram.TakeBuffer();
            Volatile.Write(ref _heldCount, _heldCount + 1);
        }

        Volatile.Write(ref _count, index + 1);
        if (ThrowEvery > 0 && (index + 1) % ThrowEvery == 0)
        {
            throw new InvalidOperationException("Handler failure for the test.");
        }
    }

    /// <summary>Returns every held buffer to its pool. Call only while no datagram is being handled.</summary>
    public void ReleaseHeldBuffers()
    {
        int held = HeldCount;
        for (int i = 0; i < held; i++)
        {
            _held[i].Return();
            _held[i] = default;
        }

        Volatile.Write(ref _heldCount, 0);
    }
}
