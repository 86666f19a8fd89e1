namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The outcome of negotiation for one m= section: what the media layer needs for that mid.</summary>
public sealed class NegotiatedMedia
{
    /// <summary>The m= line index (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The a=mid, or null when the section had none.</summary>
    public required string? Mid { get; init; }

    /// <summary>audio, video, application, ...</summary>
    public required SdpMediaKind Kind { get; init; }

    /// <summary>False when the section was rejected (port 0 in the answer).</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why the section was rejected, or null.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>What this server does on the section (sendonly = we send); inactive when rejected.</summary>
    public SdpDirection LocalDirection { get; init; } = SdpDirection.Inactive;

    /// <summary>The agreed codecs, the preferred first (RTX is folded into <see cref="NegotiatedCodec.RtxPayloadType"/>).</summary>
    public IReadOnlyList<NegotiatedCodec> Codecs { get; init; } = [];

    /// <summary>The agreed RTP header extensions: URI → id.</summary>
    public IReadOnlyDictionary<string, int> HeaderExtensions { get; init; } = new Dictionary<string, int>();

    /// <summary>The browser's SSRCs on this section (a=ssrc), in order of first appearance.</summary>
    public IReadOnlyList<uint> RemoteSsrcs { get; init; } = [];

    /// <summary>The browser's a=ssrc-group lines (FID for RTX, SIM for simulcast).</summary>
    public IReadOnlyList<SdpSsrcGroup> RemoteSsrcGroups { get; init; } = [];

    /// <summary>The browser's a=msid lines (or the msid of its a=ssrc lines).</summary>
    public IReadOnlyList<SdpMsid> RemoteMsids { get; init; } = [];

    /// <summary>The browser's RTCP CNAME from its a=ssrc lines, or null.</summary>
    public string? RemoteCName { get; init; }

    /// <summary>What we send on this section, or null.</summary>
    public SdpSendStream? LocalStream { get; init; }

    /// <summary>The first (preferred) codec, or null when rejected.</summary>
    public NegotiatedCodec? PreferredCodec => Codecs.Count > 0 ? Codecs[0] : null;

    /// <summary>The first agreed codec named <paramref name="name"/> (e.g. "opus", "VP8", "H264"), or null.</summary>
    public NegotiatedCodec? FindCodec(string name)
    {
        foreach (var codec in Codecs)
        {
            if (codec.IsCodec(name))
            {
                return codec;
            }
        }

        return null;
    }

    /// <summary>The agreed codec with <paramref name="payloadType"/> as its own or its RTX payload type, or null.</summary>
    public NegotiatedCodec? FindCodec(int payloadType)
    {
        foreach (var codec in Codecs)
        {
            if (codec.PayloadType == payloadType || codec.RtxPayloadType == payloadType)
            {
                return codec;
            }
        }

        return null;
    }

    /// <summary>The id agreed for the header extension <paramref name="uri"/>, or null.</summary>
    public int? FindExtensionId(string uri) => HeaderExtensions.TryGetValue(uri, out int id) ? id : null;
}
