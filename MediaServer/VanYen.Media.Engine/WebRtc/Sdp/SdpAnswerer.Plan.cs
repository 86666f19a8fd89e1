namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The per-m-line decision the answer is written from.</summary>
public static partial class SdpAnswerer
{
    private sealed class MediaPlan(MediaDescription offered, int index)
    {
        public MediaDescription Offered { get; } = offered;

        public int Index { get; } = index;

        public string? RejectionReason { get; private set; }

        public bool IsAccepted => RejectionReason is null;

        public List<CodecChoice> Codecs { get; } = [];

        public List<SdpExtmap> Extmaps { get; } = [];

        public SdpDirection Direction { get; set; } = SdpDirection.Inactive;

        public SdpSendStream? LocalStream { get; set; }

        public MediaPlan Reject(string reason)
        {
            RejectionReason = reason;
            Codecs.Clear();
            Extmaps.Clear();
            Direction = SdpDirection.Inactive;
            LocalStream = null;
            return this;
        }

        public NegotiatedMedia ToNegotiated()
        {
            if (!IsAccepted)
            {
                return new NegotiatedMedia
                {
                    Index = Index,
                    Mid = Offered.Mid,
                    Kind = Offered.Kind,
                    Accepted = false,
                    RejectionReason = RejectionReason,
                };
            }

            var extensions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var extmap in Extmaps)
            {
                extensions.TryAdd(extmap.Uri, extmap.Id);
            }

            var codecs = new List<NegotiatedCodec>(Codecs.Count);
            foreach (var choice in Codecs)
            {
                codecs.Add(choice.Codec);
            }

            var streams = SdpNegotiation.ReadStreams(Offered);
            return new NegotiatedMedia
            {
                Index = Index,
                Mid = Offered.Mid,
                Kind = Offered.Kind,
                Accepted = true,
                LocalDirection = Direction,
                Codecs = codecs,
                HeaderExtensions = extensions,
                RemoteSsrcs = streams.Ssrcs,
                RemoteSsrcGroups = streams.Groups,
                RemoteMsids = streams.Msids,
                RemoteCName = streams.CName,
                LocalStream = LocalStream,
            };
        }
    }
}
