namespace VanYen.Media.Server.Consultations;

/// <summary>The SFU room's totals (<c>ForwardingCounters</c>) since the media started.</summary>
/// <param name="PacketsForwarded">RTP packets sent to subscribers.</param>
/// <param name="KeyFrameRequestsRelayed">PLI/FIR from receivers passed to senders.</param>
/// <param name="NacksReceived">Lost sequence numbers asked for.</param>
/// <param name="RetransmissionsSent">Packets resent from the cache.</param>
/// <param name="RetransmissionsMissed">NACKed packets no longer in the cache.</param>
/// <param name="BandwidthEstimatesRelayed">REMB estimates passed to senders.</param>
/// <param name="PacketsDropped">Packets not forwarded (malformed, unknown payload type, fault injection).</param>
public sealed record ConsultationMediaCounters(long PacketsForwarded, long KeyFrameRequestsRelayed, long NacksReceived, long RetransmissionsSent, long RetransmissionsMissed, long BandwidthEstimatesRelayed, long PacketsDropped);
