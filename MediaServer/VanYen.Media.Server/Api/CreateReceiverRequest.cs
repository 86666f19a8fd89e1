using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/receivers</c>.</summary>
public sealed record CreateReceiverRequest(long ClusterId, string Name, ReceiverKind Kind = ReceiverKind.IPSpeaker);
